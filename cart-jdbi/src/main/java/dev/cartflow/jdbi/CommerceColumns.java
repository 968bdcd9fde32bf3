package dev.cartflow.jdbi;

import dev.cartflow.core.codec.PricedCartCodec;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.Participant;
import dev.cartflow.model.RecoveryToken;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.Cart;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The V7 columns of a cart row (issue 11's content) to and from the model: kind, name, address,
 * billing country, recovery token and freeze (its figures as text JSON of {@link PricedCartCodec}),
 * and the participants aggregated by {@link CartSql#SELECT_CARTS}. Instants keep their nanoseconds in
 * {@code _ns} companions, as the other columns do.
 */
final class CommerceColumns {
    private CommerceColumns() {
    }

    /** Binds the named parameters of {@link CartSql}'s V7 columns. */
    static NamedSql.Params bind(NamedSql.Params statement, Cart cart) {
        ShippingAddress address = cart.shippingAddress();
        RecoveryToken recovery = cart.recovery();
        CartFreeze freeze = cart.freeze();
        return statement
                .bind("kind", cart.kind().name())
                .bind("name", cart.name())
                .bind("hasAddress", address != null)
                .bind("addressSubdivision", address == null ? null : address.subdivision())
                .bind("addressPostalCode", address == null ? null : address.postalCode())
                .bind("addressCity", address == null ? null : address.city())
                .text("addressLines", address == null ? List.of() : address.streetLines())
                .bind("billingCountry", cart.billingCountry())
                .bind("recoveryTokenHash", recovery == null ? null : recovery.tokenHash())
                .bind("recoveryIssuedAt", recovery == null ? null : CartRows.text(recovery.issuedAt()))
                .bind("recoveryIssuedAtNs", recovery == null ? 0 : CartRows.nanos(recovery.issuedAt()))
                .bind("recoveryExpiresAt", recovery == null ? null : CartRows.text(recovery.expiresAt()))
                .bind("recoveryExpiresAtNs", recovery == null ? 0 : CartRows.nanos(recovery.expiresAt()))
                .bind("frozenAt", freeze == null ? null : CartRows.text(freeze.frozenAt()))
                .bind("frozenAtNs", freeze == null ? 0 : CartRows.nanos(freeze.frozenAt()))
                .bind("frozenUntil", freeze == null ? null : CartRows.text(freeze.until()))
                .bind("frozenUntilNs", freeze == null ? 0 : CartRows.nanos(freeze.until()))
                .bind("frozenFigures", freeze == null ? null : PricedCartCodec.write(freeze.figures()));
    }

    private static final int ADDRESS_LINES = CartRows.column("address_lines");
    private static final int ADDRESS_SUBDIVISION = CartRows.column("address_subdivision");
    private static final int ADDRESS_POSTAL_CODE = CartRows.column("address_postal_code");
    private static final int ADDRESS_CITY = CartRows.column("address_city");
    private static final int RECOVERY_TOKEN_HASH = CartRows.column("recovery_token_hash");
    private static final int FROZEN_FIGURES = CartRows.column("frozen_figures");
    private static final int KIND = CartRows.column("kind");
    private static final int NAME = CartRows.column("name");
    private static final int BILLING_COUNTRY = CartRows.column("billing_country");
    private static final int PARTICIPANTS = CartRows.column("participants");
    private static final int[] RECOVERY_ISSUED_AT = CartRows.instantColumns("recovery_issued_at");
    private static final int[] RECOVERY_EXPIRES_AT = CartRows.instantColumns("recovery_expires_at");
    private static final int[] FROZEN_AT = CartRows.instantColumns("frozen_at");
    private static final int[] FROZEN_UNTIL = CartRows.instantColumns("frozen_until");

    /**
     * The V7 content of a row of {@link CartSql#SELECT_CARTS}, in the order of the cart's canonical
     * constructor; read by position, as {@link CartRows#cart} reads the rest.
     */
    static Content read(ResultSet rs) throws SQLException {
        Array lines = rs.getArray(ADDRESS_LINES);
        ShippingAddress address = lines == null ? null
                : new ShippingAddress(rs.getString(ADDRESS_SUBDIVISION), rs.getString(ADDRESS_POSTAL_CODE),
                        rs.getString(ADDRESS_CITY), Arrays.asList((String[]) lines.getArray()));
        String tokenHash = rs.getString(RECOVERY_TOKEN_HASH);
        RecoveryToken recovery = tokenHash == null ? null
                : new RecoveryToken(tokenHash, CartRows.micros(rs, RECOVERY_ISSUED_AT),
                        CartRows.micros(rs, RECOVERY_EXPIRES_AT));
        String figures = rs.getString(FROZEN_FIGURES);
        CartFreeze freeze = figures == null ? null
                : new CartFreeze(CartRows.micros(rs, FROZEN_AT), CartRows.micros(rs, FROZEN_UNTIL), figures(figures));
        return new Content(CartKind.valueOf(rs.getString(KIND)), rs.getString(NAME), address,
                rs.getString(BILLING_COUNTRY), participants(rs.getString(PARTICIPANTS)), recovery, freeze);
    }

    /** Figures this module wrote; unreadable ones are stored data gone wrong, not the caller's input. */
    private static PricedCart figures(String json) {
        try {
            return PricedCartCodec.read(json);
        } catch (CartException e) {
            throw CartException.internal("stored freeze figures are unreadable", e);
        }
    }

    private static List<Participant> participants(String json) {
        if (json == null) {
            return List.of();
        }
        List<Participant> participants = new ArrayList<>();
        for (JsonNode row : Json.read(json)) {
            participants.add(new Participant(row.get(0).asText(), row.get(1).asText(),
                    Participant.Role.valueOf(row.get(2).asText()), row.get(3).asBoolean(),
                    micros(row.get(4).asLong(), row.get(5).asInt()), micros(row.get(6).asLong(), row.get(7).asInt())));
        }
        return participants;
    }

    /** An instant from microseconds since the epoch and the nanoseconds below them. */
    static Instant micros(long micros, int nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L + nanos);
    }

    /** The V7 values of a cart row. */
    record Content(CartKind kind, String name, ShippingAddress address, String billingCountry,
                   List<Participant> participants, RecoveryToken recovery, CartFreeze freeze) {
    }
}
