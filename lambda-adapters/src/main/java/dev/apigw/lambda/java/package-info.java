/**
 * Internal: may change without notice. Runs Java Lambda handlers in-process the way the AWS Lambda Java runtime
 * (aws-lambda-java-runtime-interface-client) does: handler resolution, payload serialization, the {@code Context},
 * error documents and the function timeout.
 */
@NullMarked
package dev.apigw.lambda.java;

import org.jspecify.annotations.NullMarked;
