package dev.apigw.emulator;

import dev.apigw.emulator.usage.Throttle;

/**
 * A throttle as configured (a stage's default, a method's, the account's): a token bucket refilled at {@code rate}
 * requests per second, holding at most {@code burst} (API Gateway's throttling model).
 */
public record StageThrottle(double rate, int burst) {
    public StageThrottle {
        if (rate <= 0 || burst <= 0) {
            throw new IllegalArgumentException("throttle rate and burst must be positive, were " + rate + " and " + burst);
        }
    }

    /** Parses {@code RATE:BURST}, e.g. {@code 100:200}. */
    public static StageThrottle parse(String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length == 2) {
                return new StageThrottle(Double.parseDouble(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("throttle '" + text + "' must be RATE:BURST, e.g. 100:200");
    }

    /** The usage meter's token-bucket form of this throttle. */
    public Throttle toThrottle() {
        return new Throttle(rate, burst);
    }
}
