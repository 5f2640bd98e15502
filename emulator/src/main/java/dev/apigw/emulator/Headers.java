package dev.apigw.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Header lines in the order received, with their original name casing. Lookups ignore case. */
public record Headers(List<Header> all) {

    private static final Headers EMPTY = new Headers(List.of());

    public Headers {
        all = List.copyOf(all);
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** {@code Headers.of("Content-Type", "application/json", "X-A", "1")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(headers);
    }

    /** The first value of the header, ignoring case. */
    public Optional<String> first(String name) {
        for (Header header : all) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** Every value of the header in order, ignoring case. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : all) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    public Headers with(String name, String value) {
        List<Header> headers = new ArrayList<>(all);
        headers.add(new Header(name, value));
        return new Headers(headers);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
