package dev.apigw.benchmarks;

import dev.apigw.emulator.Gateway;
import dev.apigw.emulator.GatewayRequest;
import dev.apigw.emulator.GatewayResponse;

/** Serves a request as apigw's HTTP server does: the handler runs on the calling thread, no hand-off. */
final class OnTheRequestThread {
    private OnTheRequestThread() {
    }

    static GatewayResponse serve(Gateway gateway, GatewayRequest request) {
        GatewayResponse[] answer = new GatewayResponse[1];
        gateway.handle(request, response -> answer[0] = response);
        return answer[0];
    }
}
