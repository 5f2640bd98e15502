package dev.apigw.model;

/** An entry of {@code x-amazon-apigateway-request-validators}. */
public record RequestValidator(boolean validateRequestBody, boolean validateRequestParameters) {}
