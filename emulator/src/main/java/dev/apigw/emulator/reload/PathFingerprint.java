package dev.apigw.emulator.reload;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A number that changes when any file under a path is added, removed, resized or rewritten: a hash of every
 * regular file's relative name, size and modification time. A missing path has a fingerprint of its own, so a
 * directory deleted by {@code mvn clean} and written again counts as changed twice.
 */
final class PathFingerprint {
    private static final long MISSING = 0x6d697373696e67L;

    private PathFingerprint() {}

    /** The combined fingerprint of {@code paths}; {@code known} caches each path's for one poll. */
    static long of(List<Path> paths, Map<Path, Long> known) {
        long combined = paths.size();
        for (Path path : paths) {
            combined = combined * 31 + known.computeIfAbsent(path.toAbsolutePath().normalize(), PathFingerprint::of);
        }
        return combined;
    }

    static long of(Path root) {
        if (!Files.exists(root)) {
            return MISSING;
        }
        Sum sum = new Sum(root);
        try {
            Files.walkFileTree(root, sum);
            return sum.total;
        } catch (IOException e) {
            // A directory that vanished while it was listed: a change like any other, settled by a later poll.
            return MISSING;
        }
    }

    /** Sums the files' hashes, so that the order a directory lists its entries in does not matter. */
    private static final class Sum extends SimpleFileVisitor<Path> {
        private final Path root;
        private long total;

        Sum(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            total += mix(root.relativize(file).toString().hashCode(), attributes.size(),
                    attributes.lastModifiedTime());
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Deleted while we walked (a compile in progress) or unreadable: it counts as a change, and the next
            // poll sees the settled state; a reload that then cannot read the file says why.
            total += MISSING + root.relativize(file).toString().hashCode();
            return FileVisitResult.CONTINUE;
        }
    }

    private static long mix(int name, long size, FileTime modified) {
        long h = name * 0x9E3779B97F4A7C15L;
        h ^= size + 0xBF58476D1CE4E5B9L + (h << 6) + (h >>> 2);
        h ^= modified.to(TimeUnit.MICROSECONDS) + 0x94D049BB133111EBL + (h << 6) + (h >>> 2);
        return h ^ (h >>> 31);
    }
}
