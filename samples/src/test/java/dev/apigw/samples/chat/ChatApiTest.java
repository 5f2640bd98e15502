package dev.apigw.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import dev.apigw.emulator.junit.ApiGatewayExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat room over real WebSockets: join, broadcast through @connections, leave. */
class ChatApiTest {

    @RegisterExtension
    static ApiGatewayExtension gateway = ApiGatewayExtension.fromSpec("chat/websocket.yaml")
            .withFunction("ChatConnect", new ConnectHandler())
            .withFunction("ChatSendMessage", new SendMessageHandler())
            .withFunction("ChatDisconnect", new DisconnectHandler());

    @Test
    void a_message_is_broadcast_to_everyone_in_the_room() throws Exception {
        Member ada = Member.join(gateway.webSocketUri(), "ada");
        Member bob = Member.join(gateway.webSocketUri(), "bob");

        ada.say("{\"action\":\"sendMessage\",\"text\":\"hello\"}");

        assertThat(ada.next()).isEqualTo("{\"from\":\"ada\",\"text\":\"hello\"}");
        assertThat(bob.next()).isEqualTo("{\"from\":\"ada\",\"text\":\"hello\"}");
        ada.leave();
        bob.leave();
    }

    @Test
    void joining_without_a_name_is_refused() {
        assertThatThrownBy(() -> Member.join(URI.create(gateway.webSocketUri().toString()), ""))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(400));
    }

    /** A chat client on the JDK's WebSocket. */
    static final class Member implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private WebSocket socket;

        static Member join(URI chat, String name) throws Exception {
            Member member = new Member();
            URI uri = URI.create(chat + (name.isEmpty() ? "" : "?name=" + name));
            member.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, member)
                    .get(10, TimeUnit.SECONDS);
            return member;
        }

        void say(String message) throws Exception {
            socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        }

        String next() throws InterruptedException {
            String message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        void leave() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
