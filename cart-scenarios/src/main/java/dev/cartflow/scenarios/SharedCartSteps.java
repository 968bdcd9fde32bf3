package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.Invitation;
import dev.cartflow.core.Mutation;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Participant;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project's steps for shared carts (docs/scenario-format.md, "Shared carts"): {@code invite}
 * and {@code removeParticipant} by the cart's owner, steps acting {@code as} a participant, and
 * {@code expectBy}, who made a cart's last change. Participants are named in the file; the runner
 * keeps their tokens and maps their ids back to the names.
 */
final class SharedCartSteps {
    /** The ops of the public format that may act {@code as} a participant instead of the cart's owner. */
    static final Set<String> ACTING_OPS = Set.of("add", "setQuantity", "remove", "clear", "applyCode", "removeCode",
            "selectShipping", "setCountry", "checkout", "expect");
    /** The name of a participant whose share token no cart knows. */
    static final String STRANGER = "stranger";

    private final String file;
    private final ScenarioWorld world;
    private final Map<String, Invitation> invited = new HashMap<>();

    SharedCartSteps(String file, ScenarioWorld world) {
        this.file = file;
        this.world = world;
    }

    /** The actor a step's {@code as} names: an invited participant, or the stranger. */
    Actor actor(JsonNode step, String path) {
        String name = step.get("as").asText();
        if (name.equals(STRANGER)) {
            return Actor.participant("forged-share-token-of-nobody");
        }
        Invitation invitation = invited.get(name);
        if (invitation == null) {
            throw new ScenarioFormatException(file + ": " + path + ".as: no participant '" + name + "' was invited");
        }
        return invitation.actor();
    }

    /** {@code invite}: {@code participant} (its name), {@code role}, {@code mayCheckout}, {@code ttl} (default P1D). */
    void invite(CartId cart, Actor actor, JsonNode step, String path) {
        String name = world.required(step, "participant", path).asText();
        if (name.equals(STRANGER)) {
            throw new ScenarioFormatException(file + ": " + path + ".participant: '" + STRANGER + "' is reserved");
        }
        Participant.Role role = world.enumValue(Participant.Role.class, step.path("role").asText("VIEW"),
                path + ".role");
        JsonNode mayCheckout = step.path("mayCheckout");
        if (!mayCheckout.isMissingNode() && !mayCheckout.isBoolean()) {
            throw new ScenarioFormatException(file + ": " + path + ".mayCheckout must be true or false");
        }
        Duration ttl = world.duration(step.path("ttl").asText("P1D"), path + ".ttl");
        invited.put(name, world.engine.invite(actor, cart, role, mayCheckout.asBoolean(false), ttl, Mutation.none()));
    }

    /** {@code removeParticipant}: {@code participant}, by its name. */
    void remove(CartId cart, Actor actor, JsonNode step, String path) {
        String name = world.required(step, "participant", path).asText();
        Invitation invitation = invited.get(name);
        if (invitation == null) {
            throw new ScenarioFormatException(file + ": " + path + ".participant: no participant '" + name + "'");
        }
        world.engine.removeParticipant(actor, cart, invitation.participantId());
    }

    /**
     * {@code expectBy}: every event of the cart's last change carries {@code by}, given as
     * {@code owner}, {@code system}, {@code participant:<name>} or the prefix {@code support} or
     * {@code service}; read as the cart's owner.
     */
    void expectBy(CartId id, Actor owner, JsonNode step, String path, List<String> failures, String label) {
        String expected = world.required(step, "by", path).asText();
        Cart cart = world.engine.get(owner, id);
        List<CartEvent> last = world.engine.changesSince(owner, id, cart.version() - 1);
        if (last.isEmpty()) {
            failures.add(label + ": the last change has no events");
        }
        for (CartEvent event : last) {
            String by = named(event.data().get("by"));
            boolean matches = expected.equals("support") || expected.equals("service")
                    ? by != null && by.startsWith(expected + ":") : expected.equals(by);
            if (!matches) {
                failures.add(label + ": " + event.type() + " by expected " + expected + ", got " + by);
            }
        }
    }

    /** The {@code by} of an event with a participant's id replaced by its name in the file. */
    private String named(String by) {
        if (by == null || !by.startsWith("participant:")) {
            return by;
        }
        String id = by.substring("participant:".length());
        return invited.entrySet().stream().filter(e -> e.getValue().participantId().equals(id))
                .map(e -> "participant:" + e.getKey()).findFirst().orElse(by);
    }

    /**
     * After the last step: every stored event of the scenario's carts says who made its change
     * ({@code by}), whichever operation made it.
     */
    static List<String> unsignedEvents(ScenarioWorld world, Set<CartId> carts) {
        List<String> failures = new java.util.ArrayList<>();
        for (CartId id : carts) {
            for (CartEvent event : world.repository.eventsSince(id, 0)) {
                if (!event.data().containsKey("by")) {
                    failures.add("event " + event.type() + " of version " + event.sequence() + " does not say who made it");
                }
            }
        }
        return failures;
    }
}
