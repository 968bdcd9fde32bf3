package dev.cartflow.service;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The executable jar's small commands beside starting the service:
 * {@code java -jar cartflow-cart-service-*-exec.jar <command> [options]}. A first argument that is
 * not a command name starts the service as usual.
 */
final class Commands {
    private static final Map<String, Consumer<String[]>> COMMANDS = new LinkedHashMap<>();

    static {
        // one command per line: name -> what runs it with the remaining arguments
        // (demo part: mint-token)
        COMMANDS.put("mint-token", dev.cartflow.service.demo.MintToken::run);
        // (grpc part: grpc-call)
        COMMANDS.put("grpc-call", dev.cartflow.service.grpc.GrpcCall::main);
    }

    private Commands() {
    }

    /**
     * Runs the command the arguments name.
     *
     * @param args the command line
     * @return whether a command ran (else the service should start)
     */
    static boolean run(String[] args) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            return false;
        }
        COMMANDS.get(args[0]).accept(Arrays.copyOfRange(args, 1, args.length));
        return true;
    }
}
