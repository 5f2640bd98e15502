package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.apigw.emulator.FunctionDefinition;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayServer;
import dev.apigw.samples.chat.ChatApiTest.Member;
import org.junit.jupiter.api.Test;

/**
 * The chat sample as {@code ./apigw start --config samples/chat/apigw.yaml} serves it: each function loaded by class
 * name from the sample's classes, in a class loader of its own as on Lambda, so the functions share no static state
 * and the room must live outside them.
 */
class ChatFromClasspathTest {
    @Test
    void a_message_reaches_everyone_when_each_function_has_its_own_environment() throws Exception {
        GatewayConfig config = GatewayConfig.builder().spec(Path.of("src/main/resources/chat/websocket.yaml"))
                .port(0).classpath(Path.of("target/classes"))
                .function("ChatConnect", FunctionDefinition.HandlerClass.of("dev.apigw.samples.chat.ConnectHandler"))
                .function("ChatSendMessage",
                        FunctionDefinition.HandlerClass.of("dev.apigw.samples.chat.SendMessageHandler"))
                .function("ChatDisconnect",
                        FunctionDefinition.HandlerClass.of("dev.apigw.samples.chat.DisconnectHandler"))
                .build();
        try (GatewayServer server = GatewayServer.start(config)) {
            Member ada = Member.join(server.webSocketUri(), "ada");
            Member bob = Member.join(server.webSocketUri(), "bob");

            ada.say("{\"action\":\"sendMessage\",\"text\":\"hello\"}");

            assertThat(ada.next()).isEqualTo("{\"from\":\"ada\",\"text\":\"hello\"}");
            assertThat(bob.next()).isEqualTo("{\"from\":\"ada\",\"text\":\"hello\"}");
            ada.leave();
            bob.leave();
        }
    }
}
