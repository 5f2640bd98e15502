package dev.apigw.importer.fuzz;

import java.util.Random;

/**
 * How long a fuzz test runs and from which seed, from the system properties {@code apigw.fuzz.tries} and
 * {@code apigw.fuzz.seed} (Maven passes {@code -D…} through to the tests). The build uses a fixed seed, so a build
 * never fails by chance; {@code -Dapigw.fuzz.seed=random} picks a new one to explore further. A failure names the
 * seed and the try that fail, to replay exactly.
 */
record FuzzRun(long seed, int tries) {
    static final int DEFAULT_TRIES = 250;
    static final long BUILD_SEED = 20_261_127L;

    static FuzzRun fromSystemProperties() {
        String seed = System.getProperty("apigw.fuzz.seed", "").trim();
        String tries = System.getProperty("apigw.fuzz.tries", "").trim();
        return new FuzzRun(seed.isEmpty() ? BUILD_SEED
                : seed.equals("random") ? new Random().nextLong() : Long.parseLong(seed),
                tries.isEmpty() ? DEFAULT_TRIES : Integer.parseInt(tries));
    }

    /** The random source of one try: the same seed and try always make the same case. */
    Random forTry(int index) {
        return new Random(seed * 1_000_003L + index);
    }

    /** What to paste to run the failing case again. */
    String replay(int index) {
        return "-Dapigw.fuzz.seed=" + seed + " -Dapigw.fuzz.tries=" + (index + 1);
    }
}
