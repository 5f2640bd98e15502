package dev.apigw.emulator.lambdaapi;

import java.net.BindException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.emulator.integration.FunctionLoader;
import dev.apigw.emulator.integration.Functions;
import io.javalin.Javalin;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Functions served through the Lambda Invoke API alone, with no API in front: what {@code apigw start-lambda} runs,
 * as {@code sam local start-lambda} does. Point an AWS SDK {@code LambdaClient} at {@link #rootUri()}:
 *
 * <pre>{@code
 * try (LambdaServer server = LambdaServer.start(Map.of("Echo", new FunctionDefinition.Instance(new EchoHandler(), null)),
 *         new FunctionLoader(List.of()), "127.0.0.1", 0);
 *      LambdaClient lambda = LambdaClient.builder().endpointOverride(server.rootUri()).region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
 *     lambda.invoke(r -> r.functionName("Echo").payload(SdkBytes.fromUtf8String("{}")));
 * }
 * }</pre>
 */
public final class LambdaServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaServer.class);

    private final Javalin app;
    private final FunctionLoader loader;
    private final String host;
    private final Functions functions;

    private LambdaServer(Javalin app, FunctionLoader loader, String host, Functions functions) {
        this.app = app;
        this.loader = loader;
        this.host = host;
        this.functions = functions;
    }

    /**
     * Serves every function the config defines, with its classpath, environments, function configs and remote
     * endpoint; the config's spec is not read.
     */
    public static LambdaServer start(GatewayConfig config) {
        FunctionLoader loader = new FunctionLoader(config.classpath(), config::environmentOf, config.functionConfigs(),
                config.remoteLambda(), false, config.requestLimits().lambdaPayloadBytes());
        return start(config.functions(), loader, config.host(), config.port());
    }

    /**
     * Loads every definition with {@code loader} and serves them; the server owns the loader from now on.
     *
     * @throws GatewayStartupException listing every function that cannot be loaded, or when the port is taken
     */
    public static LambdaServer start(Map<String, FunctionDefinition> definitions, FunctionLoader loader, String host,
            int port) {
        Functions functions;
        try {
            functions = new Functions(loader.load(List.copyOf(definitions.keySet()), definitions));
        } catch (RuntimeException e) {
            loader.close();
            throw e;
        }
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.disableCompression();
            // Function ARNs arrive with encoded colons; keep paths as sent, as the gateway's server does.
            config.jetty.modifyHttpConfiguration(http -> {
                http.setUriCompliance(UriCompliance.LEGACY);
                http.setSendServerVersion(false);
            });
        });
        InvokeApi.register(app, () -> functions, null);
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            app.stop();
            loader.close();
            throw new GatewayStartupException(portInUse(e)
                    ? "port " + port + " on " + host + " is in use; pass --port 0 for a free port, or stop the process"
                            + " that holds it"
                    : "could not start the Lambda server on " + host + ":" + port + ": " + e.getMessage()
                            + "; check --host and --port", e);
        }
        LambdaServer server = new LambdaServer(app, loader, host, functions);
        LOG.info("apigw serving the Lambda Invoke API for {} on {}", definitions.keySet(), server.rootUri());
        return server;
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The functions served, with their recorded invocations. */
    public Functions functions() {
        return functions;
    }

    public int port() {
        return app.port();
    }

    /** {@code http://host:port}: the {@code endpointOverride} for a {@code LambdaClient}. */
    public URI rootUri() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shownHost + ":" + port());
    }

    @Override
    public void close() {
        app.stop();
        loader.close();
    }
}
