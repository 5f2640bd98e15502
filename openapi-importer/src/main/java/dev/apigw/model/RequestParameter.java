package dev.apigw.model;

import static java.util.Objects.requireNonNull;

/** A declared method request parameter ({@code method.request.<location>.<name>}). */
public record RequestParameter(Location location, String name, boolean required) {

    public RequestParameter {
        requireNonNull(location, "location");
        requireNonNull(name, "name");
    }

    /** Where a parameter is read from, spelled as in {@code method.request.<location>.<name>}. */
    public enum Location {
        PATH("path"),
        QUERYSTRING("querystring"),
        HEADER("header");

        private final String spelling;

        Location(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    /** {@code method.request.querystring.name} etc. */
    public String expression() {
        return "method.request." + location.spelling() + "." + name;
    }
}
