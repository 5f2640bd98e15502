package dev.apigw.model;

import java.util.Locale;

/** HTTP methods as API Gateway knows them; {@code ANY} is API Gateway's catch-all method. */
public enum HttpMethod {
    GET,
    POST,
    PUT,
    DELETE,
    PATCH,
    HEAD,
    OPTIONS,
    ANY;

    /** Parses a method name in any case ({@code x-amazon-apigateway-any-method} is {@link #ANY}). */
    public static HttpMethod fromSpec(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
            return ANY;
        }
        try {
            return valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown HTTP method '" + value
                    + "'; expected one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, ANY", e);
        }
    }
}
