/**
 * Internal: may change without notice. Functions run out of process: apigw serves the Lambda Runtime API to a child
 * process per execution environment (AWS's runtime interface client for Java, any {@code bootstrap} for
 * {@code provided}).
 */
@NullMarked
package dev.apigw.lambda.runtime;

import org.jspecify.annotations.NullMarked;
