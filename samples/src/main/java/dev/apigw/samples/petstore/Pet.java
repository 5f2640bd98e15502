package dev.apigw.samples.petstore;

/** A pet in the store. */
public record Pet(String id, String name, String type) {}
