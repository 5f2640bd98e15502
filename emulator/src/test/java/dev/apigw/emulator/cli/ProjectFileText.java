package dev.apigw.emulator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.apigw.emulator.GatewayConfig;

/** A project file written from text into a test's directory, read and applied as {@code apigw start} applies it. */
final class ProjectFileText {
    private ProjectFileText() {}

    /** The config of {@code apigw.yaml} holding {@code spec: api.yaml} and then {@code text}. */
    static GatewayConfig read(Path dir, String text) throws Exception {
        Path file = dir.resolve("apigw.yaml");
        Files.writeString(file, "spec: api.yaml\n" + text);
        GatewayConfig.Builder builder = GatewayConfig.builder();
        ProjectFile.read(file).applyTo(builder, dir);
        return builder.build();
    }
}
