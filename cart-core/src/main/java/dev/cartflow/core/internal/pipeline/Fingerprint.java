package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ApplyCode;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.CartCommand.Clear;
import dev.cartflow.core.CartCommand.RemoveCode;
import dev.cartflow.core.CartCommand.RemoveLines;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical, versioned fingerprint of a request: {@code v1:<digest of the caller's key>:<digest
 * of the request>}. The request digest covers the operation kind, every command field and the
 * expected version in a length-prefixed encoding, so that two different requests never encode
 * alike (a record's {@code toString()} can: a warehouse named {@code "w], AddItem[..."} did).
 * Keeping the key's digest apart tells "same key, other request" ({@code INVALID_INPUT}) from
 * "another key" (not a replay).
 *
 * @param value  the stored form
 * @param legacy the form the engine wrote before v1 for the same request, so that records written
 *               before a rolling deploy still replay while they live; null when there was none
 */
public record Fingerprint(String value, String legacy) {
    static final String VERSION = "v1";

    /** How a stored fingerprint relates to a request. */
    public enum Match {
        /** The same request with the same key: replay. */
        SAME,
        /** The same key for another request. */
        OTHER_REQUEST,
        /** Another key (or none): not this caller's response. */
        OTHER_KEY
    }

    /** How {@code stored} (a record's fingerprint) relates to this request. */
    public Match against(String stored) {
        if (!stored.startsWith(VERSION + ":")) {
            return legacy != null && legacy.equals(stored) ? Match.SAME : Match.OTHER_KEY;
        }
        if (stored.equals(value)) {
            return Match.SAME;
        }
        int split = value.lastIndexOf(':');
        return stored.startsWith(value.substring(0, split + 1)) ? Match.OTHER_REQUEST : Match.OTHER_KEY;
    }

    /** The fingerprint of a command run with a caller's key and an expected version. */
    public static Fingerprint execute(CartId id, CartCommand command, Long expectedVersion, String clientKey,
                                      CartCommand asSent) {
        Encoder e = new Encoder().text("execute").text(id.toString());
        command(e, command);
        e.number(expectedVersion);
        String legacy = sha256((asSent + "|" + expectedVersion).getBytes(StandardCharsets.UTF_8));
        return new Fingerprint(of(clientKey, e), legacy);
    }

    /** The fingerprint of a checkout. */
    public static Fingerprint checkout(CartId id, Long expectedVersion, String clientKey) {
        Encoder e = new Encoder().text("checkout").text(id.toString()).number(expectedVersion);
        return new Fingerprint(of(clientKey, e), clientKey);
    }

    /** The fingerprint of a merge (the guest token is not part of it: it is a secret, not the request). */
    public static Fingerprint merge(MergeRequest request) {
        Encoder e = new Encoder().text("merge").text(request.guestCartId().toString())
                .text(request.customerId().value())
                .text(request.targetCartId() == null ? null : request.targetCartId().toString())
                .text(request.policy().name());
        return new Fingerprint(of(null, e), null);
    }

    /**
     * The fingerprint of a line move run with a caller's key: both carts, the line, the units (null
     * for the whole line) and the source's expected version.
     */
    public static Fingerprint move(CartId from, LineId lineId, CartId to, Integer quantity, Long expectedVersion,
                                   String clientKey) {
        Encoder e = new Encoder().text("move").text(from.toString()).text(lineId.value()).text(to.toString())
                .number(quantity == null ? null : (long) quantity).number(expectedVersion);
        return new Fingerprint(of(clientKey, e), null);
    }

    private static String of(String clientKey, Encoder request) {
        String key = sha256(new Encoder().text(clientKey).bytes());
        return VERSION + ":" + key + ":" + sha256(request.bytes());
    }

    private static void command(Encoder e, CartCommand command) {
        if (command instanceof AddItem add) {
            e.text("add").text(add.sku().value()).number((long) add.quantity()).text(add.warehouse());
        } else if (command instanceof SetQuantity set) {
            e.text("set").text(set.lineId().value()).number((long) set.quantity());
        } else if (command instanceof RemoveLines remove) {
            e.text("remove").number((long) remove.lineIds().size());
            for (LineId id : remove.lineIds()) {
                e.text(id.value());
            }
        } else if (command instanceof Bulk bulk) {
            e.text("bulk").number((long) bulk.changes().size());
            bulk.changes().forEach(c -> command(e, c));
        } else if (command instanceof Clear) {
            e.text("clear");
        } else if (command instanceof ApplyCode apply) {
            e.text("applyCode").text(apply.code());
        } else if (command instanceof RemoveCode remove) {
            e.text("removeCode").text(remove.code());
        } else if (command instanceof SelectShipping select) {
            e.text("selectShipping").text(select.methodId());
        } else if (command instanceof ChangeCountry change) {
            e.text("changeCountry").text(change.country());
        } else if (command instanceof SetMetadata metadata) {
            e.text("metadata").text(metadata.json());
        } else if (command instanceof CartCommand.ChangeAddress change) {
            address(e.text("changeAddress").text(change.country()), change.address()).text(change.billingCountry());
        } else {
            throw new IllegalStateException("no encoding for " + command.getClass().getSimpleName());
        }
    }

    private static Encoder address(Encoder e, dev.cartflow.model.ShippingAddress address) {
        if (address == null) {
            return e.text(null);
        }
        e.text("address").text(address.subdivision()).text(address.postalCode()).text(address.city())
                .number((long) address.streetLines().size());
        address.streetLines().forEach(e::text);
        return e;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Each value as a tag, its length and its code units; an absent value as its own tag. */
    private static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Encoder text(String value) {
            if (value == null) {
                out.write('n');
                return this;
            }
            // UTF-16 code units as they are: lossless even for text a charset encoder would alter
            out.writeBytes(("s" + value.length() + ":").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < value.length(); i++) {
                out.write(value.charAt(i) >>> 8);
                out.write(value.charAt(i));
            }
            return this;
        }

        Encoder number(Long value) {
            if (value == null) {
                out.write('n');
                return this;
            }
            out.writeBytes(("i" + value + ";").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
