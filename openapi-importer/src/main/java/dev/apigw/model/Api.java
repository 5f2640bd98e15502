package dev.apigw.model;

import java.util.Map;

/** An imported API: a REST API (API Gateway v1), an HTTP API (v2) or a WebSocket API (v2). */
public sealed interface Api permits RestApi, HttpApi, WebSocketApi {

    /** The document's {@code info.title}. */
    String title();

    /** Authorizers declared by security schemes, by scheme name. */
    Map<String, Authorizer> authorizers();

    ApiType type();
}
