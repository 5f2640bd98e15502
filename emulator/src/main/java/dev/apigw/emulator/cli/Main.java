package dev.apigw.emulator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import dev.apigw.emulator.GatewayConfig;
import dev.apigw.emulator.GatewayStartupException;
import dev.apigw.importer.InvalidSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code apigw start|start-lambda|validate|routes|render|token}. Exit codes: 0 success, 1 the spec, a function or the
 * server has a problem (the message says which and how to fix it), 2 the command line itself is wrong.
 */
@Command(name = "apigw", mixinStandardHelpOptions = true, version = "apigw 0.1.0",
        description = "A local emulator of Amazon API Gateway for Java developers.",
        subcommands = {StartCommand.class, StartLambdaCommand.class, ValidateCommand.class, RoutesCommand.class,
            RenderCommand.class, TokenCommand.class})
public final class Main implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_PROBLEM = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** How long the shutdown hook waits for {@code start}'s stop beyond its grace period (closing sockets, Jetty). */
    private static final Duration STOP_MARGIN = Duration.ofSeconds(10);

    public static void main(String[] args) {
        Runnable drainConsole = BufferedConsole.install();
        CountDownLatch shutdown = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Duration> grace = new AtomicReference<>(GatewayConfig.DEFAULT_SHUTDOWN_GRACE);
        AtomicInteger exitCode = new AtomicInteger(EXIT_OK);
        // SIGINT / SIGTERM: ask `start` to stop, and keep the JVM alive until the server has stopped gracefully. A
        // JVM stopped by a signal exits 128 + its number (143 for SIGTERM) unless a hook halts it with another code:
        // a clean stop on request is success, as for `docker stop` or systemd, so it exits with start's code.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.countDown();
            try {
                if (finished.await(grace.get().plus(STOP_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                    drainConsole.run();
                    Runtime.getRuntime().halt(exitCode.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "apigw-shutdown"));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(out, err, shutdown, grace::set, args);
        exitCode.set(code);
        finished.countDown();
        if (code != EXIT_OK || !isStart(args)) {
            System.exit(code);
        }
    }

    /**
     * Runs a command; {@code start} serves until {@code shutdown} counts down.
     *
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, CountDownLatch shutdown, String... args) {
        return execute(out, err, shutdown, grace -> { }, args);
    }

    /** As above; {@code start} tells {@code graceListener} its shutdown grace period before it serves. */
    static int execute(PrintWriter out, PrintWriter err, CountDownLatch shutdown, Consumer<Duration> graceListener,
            String... args) {
        CommandLine commandLine = new CommandLine(new Main(), new Factory(shutdown, graceListener));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> EXIT_PROBLEM);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            err.println("apigw: " + e.getMessage());
            err.println("hint: run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options");
            return EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(err, e));
        return commandLine.execute(args);
    }

    private static int report(PrintWriter err, Exception e) {
        if (e instanceof CliException cli) {
            err.println("apigw: " + cli.getMessage());
            err.println("hint: " + cli.hint());
        } else if (e instanceof InvalidSpecException invalid) {
            err.println("apigw: " + invalid.getMessage());
            err.println("hint: fix the problems above; 'apigw validate --spec FILE' lists them without starting");
        } else if (e instanceof GatewayStartupException startup) {
            startup.problems().forEach(p -> err.println("apigw: " + p));
        } else if (e instanceof IllegalArgumentException bad) {
            err.println("apigw: " + bad.getMessage());
        } else {
            err.println("apigw: unexpected error: " + e);
            err.println("hint: this is a bug in apigw; please report it with the command you ran");
        }
        err.flush();
        return EXIT_PROBLEM;
    }

    private static boolean isStart(String[] args) {
        return args.length > 0 && (args[0].equals("start") || args[0].equals("start-lambda"));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Hands the shutdown signal to {@code start}. */
    private record Factory(CountDownLatch shutdown, Consumer<Duration> graceListener) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == StartCommand.class) {
                return type.cast(new StartCommand(shutdown, graceListener));
            }
            if (type == StartLambdaCommand.class) {
                return type.cast(new StartLambdaCommand(shutdown));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
