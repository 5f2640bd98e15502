/**
 * Public API: invoking a Lambda function as the Lambda Invoke API does, bytes in and bytes out.
 * {@link dev.apigw.lambda.LambdaFunction} is the one interface every integration calls.
 */
@NullMarked
package dev.apigw.lambda;

import org.jspecify.annotations.NullMarked;
