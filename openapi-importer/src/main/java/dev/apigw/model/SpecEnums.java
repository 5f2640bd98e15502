package dev.apigw.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses enum constants from their spelling in a spec, with a message that lists the allowed values. */
final class SpecEnums {
    private SpecEnums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value, String spellingOf) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "'. Expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + spellingOf);
    }
}
