/**
 * Internal: may change without notice. {@code AWS_IAM} authorization: SigV4 signatures (header and query-string forms)
 * verified with the AWS SDK's own signing code, and AWS's exact refusals (AWS-REFERENCE 8.7).
 */
@NullMarked
package dev.apigw.emulator.auth.iam;

import org.jspecify.annotations.NullMarked;
