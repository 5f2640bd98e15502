package dev.apigw.benchmarks.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Which version of the soak handlers' code is running: {@code benchmarks/soak.sh} copies the handler classes and a new
 * {@code soak-generation.txt} into the watched {@code --classpath} directory every 10 s, apigw reloads them, and the
 * handlers answer with the number they read when their class loader initialised them. Clients that see it grow know
 * that the reload reached them.
 *
 * <p>Each generation also holds a {@value #BALLAST_BYTES}-byte block, standing in for what a real function's init
 * phase builds (caches, clients). A class loader kept alive after its reload shows up in the gateway's heap as that
 * block, large enough for the soak's heap check to see, where the loader's own few kilobytes would not be.
 */
final class SoakGeneration {
    static final int BALLAST_BYTES = 2 << 20;

    private SoakGeneration() {}

    /** The number in {@code soak-generation.txt} next to the classes of {@code handler}, or 0 without one. */
    static int read(Class<?> handler) {
        try (InputStream in = handler.getResourceAsStream("/soak-generation.txt")) {
            return in == null ? 0 : Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("soak-generation.txt is unreadable: " + e.getMessage(), e);
        }
    }

    /** The init phase's stand-in: touched once per page, so the block is really allocated and kept. */
    static byte[] ballast() {
        byte[] block = new byte[BALLAST_BYTES];
        for (int i = 0; i < block.length; i += 4096) {
            block[i] = 1;
        }
        return block;
    }
}
