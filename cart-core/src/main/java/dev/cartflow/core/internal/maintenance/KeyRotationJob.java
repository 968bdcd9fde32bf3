package dev.cartflow.core.internal.maintenance;

import dev.cartflow.core.internal.crypto.KeyRotationScan;
import dev.cartflow.core.internal.crypto.KeyRotationScan.RotationPage;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import java.util.List;

/**
 * The key rotation job ({@code CartMaintenance#rotateKeys}): pages through the store by id and
 * rewrites each cart that is not wholly under the current key through the commit stage, so the
 * encrypting repository seals it again with the current key inside the version guard.
 */
final class KeyRotationJob {
    private final Stages stages;

    KeyRotationJob(Stages stages) {
        this.stages = stages;
    }

    int rotateKeys(int batchSize) {
        return Failures.guard(() -> {
            if (batchSize < 1) {
                throw CartException.invalidInput("a positive batch size is required");
            }
            if (!(stages.config().repository() instanceof KeyRotationScan scan)) {
                throw CartException.internal(
                        "key rotation needs an EncryptingCartRepository as the engine's repository", null);
            }
            int rotated = 0;
            CartId after = null;
            do {
                CartId cursor = after;
                RotationPage page = Failures.provider("repository", () -> scan.staleAfter(cursor, batchSize));
                for (Cart cart : page.stale()) {
                    if (rewrite(cart)) {
                        rotated++;
                    }
                }
                after = page.next();
            } while (after != null);
            return rotated;
        });
    }

    /** Stores the cart again; false when it changed meanwhile (that change used the current key). */
    private boolean rewrite(Cart cart) {
        Cart next = stages.lifecycle().rewritten(cart);
        try {
            stages.commit().run(true, now -> Decision.write(next,
                    List.of(stages.publish().write(ChangeAuthor.SYSTEM, next, cart.version(), List.of(), null))));
            return true;
        } catch (CartException e) {
            if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                throw e;
            }
            return false;
        }
    }
}
