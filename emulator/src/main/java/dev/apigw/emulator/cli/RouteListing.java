package dev.apigw.emulator.cli;

import java.io.PrintWriter;
import java.util.List;
import dev.apigw.emulator.routing.RouteEntry;
import dev.apigw.model.Integration;

/** Prints a route table: method, URL or path, integration kind and target, one route a line. */
final class RouteListing {
    private RouteListing() {}

    static void print(PrintWriter out, List<RouteEntry> routes, String root) {
        int width = routes.stream().mapToInt(r -> root.length() + r.path().length()).max().orElse(0);
        for (RouteEntry route : routes) {
            out.printf("%-7s %-" + Math.max(width, 1) + "s  %-10s %s%n", route.method(), root + route.path(),
                    route.integration().awsType(), target(route.integration()));
        }
    }

    static String target(Integration integration) {
        if (integration instanceof Integration.LambdaProxy proxy) {
            return proxy.function().functionName() + " (payload " + proxy.payloadFormatVersion().spelling() + ")";
        }
        if (integration instanceof Integration.Lambda lambda) {
            return lambda.function().functionName();
        }
        if (integration instanceof Integration.HttpProxy proxy) {
            return proxy.httpMethod() + " " + proxy.uri();
        }
        if (integration instanceof Integration.Http http) {
            return http.httpMethod() + " " + http.uri();
        }
        return "mock";
    }
}
