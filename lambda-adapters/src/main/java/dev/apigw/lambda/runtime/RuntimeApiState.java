package dev.apigw.lambda.runtime;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The Runtime API of one execution environment as a state machine, without HTTP: what the runtime may call when, and
 * which invocation its answer belongs to. The states and their names are those of Lambda's own implementation
 * (RAPID, published as aws-lambda-runtime-interface-emulator, {@code lambda/core/states.go}) [K]: the runtime
 * starts in {@code Started}, its first {@code /next} ends init ({@code Ready}), an answer moves it to
 * {@code RuntimeResponseSentState} until it asks for the next event. A call the state does not allow is refused
 * with 403 {@code InvalidStateTransition}; an answer for another request id with 400 {@code InvalidRequestID}.
 *
 * <p>Apigw hands an environment one invocation at a time, as Lambda does, so there is at most one waiting
 * ({@code pending}) and one being handled ({@code current}).
 */
final class RuntimeApiState {

    private enum Phase {
        STARTED("Started"),
        READY("Ready"),
        RESPONSE_SENT("RuntimeResponseSentState"),
        INIT_ERROR("InitError"),
        EXITED("Exited");

        private final String awsName;

        Phase(String awsName) {
            this.awsName = awsName;
        }
    }

    /** A status and a JSON body, as the Runtime API answers. */
    record Reply(int status, String json) {
        static final Reply ACCEPTED = new Reply(202, "{\"status\":\"OK\"}\n");
        static final Reply INVALID_REQUEST_ID =
                error(400, "InvalidRequestID", "Invalid request ID");
        /** The environment is going away; RAPID's answer when it cannot go on. */
        static final Reply INTERNAL_ERROR =
                error(500, "InternalServerError", "Internal Server Error");

        static Reply error(int status, String errorType, String message) {
            return new Reply(status, RuntimeErrorDocuments.apiError(errorType, message));
        }
    }

    /** What {@code /next} returns: the invocation, or the reply to send when there will be none. */
    record Next(@Nullable RuntimeInvocation invocation, @Nullable Reply refusal) {}

    private final CompletableFuture<Optional<RuntimeOutcome>> initialized = new CompletableFuture<>();
    private Phase phase = Phase.STARTED;
    private @Nullable Pending pending;
    private @Nullable Pending current;
    private boolean closed;

    private record Pending(RuntimeInvocation invocation, CompletableFuture<RuntimeOutcome> outcome) {}

    /** Completes when init ends: empty once the runtime asked for its first event, else why it failed. */
    CompletableFuture<Optional<RuntimeOutcome>> initialized() {
        return initialized;
    }

    /** Queues {@code invocation} for the runtime's next {@code /next}; the future completes with its answer. */
    synchronized CompletableFuture<RuntimeOutcome> submit(RuntimeInvocation invocation) {
        CompletableFuture<RuntimeOutcome> outcome = new CompletableFuture<>();
        if (phase == Phase.EXITED || phase == Phase.INIT_ERROR || closed) {
            throw new IllegalStateException("the execution environment is no longer running");
        }
        pending = new Pending(invocation, outcome);
        notifyAll();
        return outcome;
    }

    /** {@code GET /runtime/invocation/next}: blocks until there is an invocation or the environment closes. */
    synchronized Next next() throws InterruptedException {
        if (phase == Phase.INIT_ERROR || phase == Phase.EXITED) {
            return new Next(null, notAllowed(Phase.READY.awsName));
        }
        phase = Phase.READY;
        initialized.complete(Optional.empty());
        while (pending == null && !closed) {
            wait();
        }
        if (closed) {
            return new Next(null, Reply.INTERNAL_ERROR);
        }
        current = pending;
        pending = null;
        return new Next(current.invocation(), null);
    }

    /** {@code POST /runtime/invocation/{id}/response}. */
    synchronized Reply response(String requestId, byte[] body) {
        return answer(requestId, "InvocationResponse", new RuntimeOutcome.Response(body));
    }

    /** {@code POST /runtime/invocation/{id}/error}. */
    synchronized Reply error(String requestId, String errorType, byte[] body) {
        return answer(requestId, "InvocationErrorResponse", new RuntimeOutcome.FunctionError(errorType, body));
    }

    /** {@code POST /runtime/init/error}: allowed only before the first {@code /next}. */
    synchronized Reply initError(String errorType, byte[] body) {
        if (phase != Phase.STARTED) {
            return notAllowed(Phase.INIT_ERROR.awsName);
        }
        phase = Phase.INIT_ERROR;
        initialized.complete(Optional.of(new RuntimeOutcome.InitError(errorType, body)));
        return Reply.ACCEPTED;
    }

    /** The process ended: whatever it was doing ends with {@link RuntimeOutcome.Exited}. */
    synchronized void exited(int exitCode) {
        RuntimeOutcome.Exited exited = new RuntimeOutcome.Exited(exitCode);
        if (phase != Phase.INIT_ERROR) {
            initialized.complete(Optional.of(exited));
        }
        phase = Phase.EXITED;
        finish(current, exited);
        finish(pending, exited);
        current = null;
        pending = null;
        notifyAll();
    }

    /** Wakes a runtime waiting in {@code /next}, which then gets a 500: the environment is being shut down. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private Reply answer(String requestId, String target, RuntimeOutcome outcome) {
        if (phase != Phase.READY) {
            return notAllowed(target);
        }
        if (current == null || !current.invocation().requestId().equals(requestId)) {
            return Reply.INVALID_REQUEST_ID;
        }
        phase = Phase.RESPONSE_SENT;
        finish(current, outcome);
        current = null;
        return Reply.ACCEPTED;
    }

    private Reply notAllowed(String target) {
        // RAPID: StateTransitionFailedForRuntimeMessageFormat with core.ErrNotAllowed [K]
        return Reply.error(403, "InvalidStateTransition", "State transition from " + phase.awsName + " to " + target
                + " failed for runtime. Error: State transition is not allowed");
    }

    private static void finish(@Nullable Pending invocation, RuntimeOutcome outcome) {
        if (invocation != null) {
            invocation.outcome().complete(outcome);
        }
    }
}
