/**
 * Functions invoked through the Lambda Invoke API with the AWS SDK v2: on LocalStack, on AWS, or on another apigw.
 */
@NullMarked
package dev.apigw.lambda.remote;

import org.jspecify.annotations.NullMarked;
