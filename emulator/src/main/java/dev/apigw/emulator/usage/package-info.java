/**
 * Internal: may change without notice. REST API keys, usage plans (throttle and quota) and stage throttling, as
 * described in <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html">
 * usage plans and API keys</a>.
 */
@NullMarked
package dev.apigw.emulator.usage;

import org.jspecify.annotations.NullMarked;
