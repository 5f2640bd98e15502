/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{FunctionName}/invocations}) served for local functions,
 * so that the AWS SDKs, SAM-style tooling and another apigw can invoke them: {@link InvokeApi} on the gateway's port,
 * and {@link LambdaServer} for {@code apigw start-lambda}.
 */
@NullMarked
package dev.apigw.emulator.lambdaapi;

import org.jspecify.annotations.NullMarked;
