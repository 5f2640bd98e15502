package dev.apigw.model;

/** {@code contentHandling}: how binary and text payloads are converted (AWS "payload encodings"). */
public enum ContentHandling {
    CONVERT_TO_BINARY,
    CONVERT_TO_TEXT;

    public static ContentHandling fromSpec(String value) {
        return SpecEnums.parse(ContentHandling.class, value, "");
    }
}
