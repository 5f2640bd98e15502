package dev.apigw.model;

/** {@code connectionType} of an integration. */
public enum ConnectionType {
    INTERNET,
    VPC_LINK;

    public static ConnectionType fromSpec(String value) {
        return SpecEnums.parse(ConnectionType.class, value, "");
    }
}
