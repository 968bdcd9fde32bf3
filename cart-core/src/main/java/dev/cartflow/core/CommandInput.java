package dev.cartflow.core;

import dev.cartflow.core.CartCommand.SetMetadata;

/**
 * Checks and normalizes what a command carries before anything is read, so that an
 * {@code INVALID_INPUT} is reported first, before access, state and version errors.
 */
final class CommandInput {
    private CommandInput() {
    }

    /** The command with its metadata parsed, bounded and in compact form. */
    static CartCommand normalized(CartCommand command, int maxMetadataBytes) {
        if (command instanceof SetMetadata metadata) {
            return new SetMetadata(MetadataText.normalize(metadata.json(), maxMetadataBytes));
        }
        return command;
    }
}
