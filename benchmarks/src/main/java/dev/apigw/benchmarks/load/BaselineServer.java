package dev.apigw.benchmarks.load;

import io.javalin.Javalin;

/**
 * The load benchmark's baseline: a bare Javalin server, configured as apigw configures its own (no banner, no
 * compression), answering {@code GET /hello} with the same fixed 17-byte JSON body as the benchmark's Lambda handler.
 * With {@code --routes N} it also registers N parameterised routes, as many as the startup spec has, so that both
 * startups route the same number of paths.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.apigw.benchmarks.load.BaselineServer PORT [--routes N]}
 */
public final class BaselineServer {
    /** {@code {"message":"hi!"}}: 17 bytes. */
    static final String BODY = "{\"message\":\"hi!\"}";

    private BaselineServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int routes = args.length >= 3 && args[1].equals("--routes") ? Integer.parseInt(args[2]) : 0;
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.disableCompression();
        });
        app.get("/hello", ctx -> ctx.contentType("application/json").result(BODY));
        for (int i = 0; i < routes; i++) {
            String name = "r" + i;
            app.get("/" + name + "/{id}", ctx -> ctx.contentType("application/json").result(BODY));
        }
        // Javalin logs where it listens; load.sh waits for the first 200 instead of reading output.
        app.start("127.0.0.1", port);
    }
}
