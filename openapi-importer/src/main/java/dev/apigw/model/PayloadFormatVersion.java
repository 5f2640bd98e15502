package dev.apigw.model;

/** The Lambda proxy payload format: 1.0 (REST's, optional on HTTP APIs) or 2.0 (HTTP APIs). */
public enum PayloadFormatVersion {
    V1_0("1.0"),
    V2_0("2.0");

    private final String spelling;

    PayloadFormatVersion(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static PayloadFormatVersion fromSpec(String value) {
        for (PayloadFormatVersion version : values()) {
            if (version.spelling.equals(value.trim())) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown payload format version '" + value + "'. Expected one of 1.0, 2.0");
    }
}
