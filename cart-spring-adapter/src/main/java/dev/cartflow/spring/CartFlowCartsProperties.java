package dev.cartflow.spring;

import dev.cartflow.core.FreezeAndRecoverySettings;
import dev.cartflow.core.ShareSettings;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named carts, shared carts, recovery links and freezing ({@code cartflow.carts.*}; docs/engine.md).
 */
@ConfigurationProperties("cartflow.carts")
public class CartFlowCartsProperties {
    /**
     * Limits of the named kinds (SAVED_FOR_LATER, WISH_LIST); a kind without an entry, and every kind when
     * unset, has cartflow.limits.
     */
    private Map<CartKind, CartFlowProperties.Limits> kindLimits = new EnumMap<>(CartKind.class);
    /** Most live participants of one shared cart. */
    private int maxParticipants = ShareSettings.DEFAULT.maxParticipants();
    /** Longest time to live of a share invitation. */
    private Duration maxInvitationTtl = ShareSettings.DEFAULT.maxTtl();
    /** Time to live of a recovery link of an abandoned cart. */
    private Duration recoveryTtl = FreezeAndRecoverySettings.DEFAULT.recoveryTtl();
    /** How long a freeze before payment lasts when the call gives no time. */
    private Duration defaultFreeze = FreezeAndRecoverySettings.DEFAULT.defaultFreeze();
    /** Longest freeze a call may ask for. */
    private Duration maxFreeze = FreezeAndRecoverySettings.DEFAULT.maxFreeze();

    /** @return the limits by kind */
    public Map<CartKind, CartFlowProperties.Limits> getKindLimits() {
        return kindLimits;
    }

    /** @param kindLimits the limits by kind */
    public void setKindLimits(Map<CartKind, CartFlowProperties.Limits> kindLimits) {
        this.kindLimits = Checked.present("cartflow.carts.kind-limits", kindLimits);
    }

    /** @return the most participants */
    public int getMaxParticipants() {
        return maxParticipants;
    }

    /** @param maxParticipants the most participants, 0 to switch sharing off */
    public void setMaxParticipants(int maxParticipants) {
        this.maxParticipants = Checked.atLeast("cartflow.carts.max-participants", maxParticipants, 0);
    }

    /** @return the longest invitation */
    public Duration getMaxInvitationTtl() {
        return maxInvitationTtl;
    }

    /** @param maxInvitationTtl the longest invitation, positive */
    public void setMaxInvitationTtl(Duration maxInvitationTtl) {
        this.maxInvitationTtl = Checked.positive("cartflow.carts.max-invitation-ttl", maxInvitationTtl);
    }

    /** @return the recovery link TTL */
    public Duration getRecoveryTtl() {
        return recoveryTtl;
    }

    /** @param recoveryTtl the recovery link TTL, positive */
    public void setRecoveryTtl(Duration recoveryTtl) {
        this.recoveryTtl = Checked.positive("cartflow.carts.recovery-ttl", recoveryTtl);
    }

    /** @return the default freeze */
    public Duration getDefaultFreeze() {
        return defaultFreeze;
    }

    /** @param defaultFreeze the default freeze, positive */
    public void setDefaultFreeze(Duration defaultFreeze) {
        this.defaultFreeze = Checked.positive("cartflow.carts.default-freeze", defaultFreeze);
    }

    /** @return the longest freeze */
    public Duration getMaxFreeze() {
        return maxFreeze;
    }

    /** @param maxFreeze the longest freeze, positive */
    public void setMaxFreeze(Duration maxFreeze) {
        this.maxFreeze = Checked.positive("cartflow.carts.max-freeze", maxFreeze);
    }

    ShareSettings sharing() {
        try {
            return new ShareSettings(maxParticipants, maxInvitationTtl);
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.carts.max-participants / max-invitation-ttl: " + e.getMessage(), e);
        }
    }

    FreezeAndRecoverySettings freezeAndRecovery() {
        try {
            return new FreezeAndRecoverySettings(recoveryTtl, defaultFreeze, maxFreeze);
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.carts.default-freeze / max-freeze: " + e.getMessage(), e);
        }
    }
}
