package dev.apigw.emulator.junit;

import java.net.http.HttpClient;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.emulator.MutableClock;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A started gateway kept in JUnit's store, which closes it when the owning context ends. */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit 5 versions before 5.13 closing it too
record RunningGateway(GatewayServer server, HttpClient httpClient, ApiGatewayExtension owner, MutableClock clock)
        implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    @Override
    public void close() {
        owner.stopped(this);
        server.close();
    }
}
