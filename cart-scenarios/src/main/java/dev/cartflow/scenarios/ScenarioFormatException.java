package dev.cartflow.scenarios;

/** A scenario file that does not follow the format: the message names the file and the key. */
final class ScenarioFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScenarioFormatException(String message) {
        super(message);
    }
}
