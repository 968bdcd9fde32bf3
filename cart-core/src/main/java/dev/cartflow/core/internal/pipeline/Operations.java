package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CartCommand;
import dev.cartflow.model.CartOperation;

/** The operation name of a command. */
public final class Operations {
    private Operations() {
    }

    /** The operation a command runs as; a null command is reported as the generic change. */
    public static CartOperation of(CartCommand command) {
        if (command == null) {
            return CartOperation.BULK;
        }
        if (command instanceof CartCommand.AddItem) {
            return CartOperation.ADD_ITEM;
        } else if (command instanceof CartCommand.SetQuantity) {
            return CartOperation.SET_QUANTITY;
        } else if (command instanceof CartCommand.RemoveLines) {
            return CartOperation.REMOVE_LINES;
        } else if (command instanceof CartCommand.Clear) {
            return CartOperation.CLEAR;
        } else if (command instanceof CartCommand.ApplyCode) {
            return CartOperation.APPLY_CODE;
        } else if (command instanceof CartCommand.RemoveCode) {
            return CartOperation.REMOVE_CODE;
        } else if (command instanceof CartCommand.SelectShipping) {
            return CartOperation.SELECT_SHIPPING;
        } else if (command instanceof CartCommand.ChangeCountry) {
            return CartOperation.CHANGE_COUNTRY;
        } else if (command instanceof CartCommand.SetMetadata) {
            return CartOperation.SET_METADATA;
        } else if (command instanceof CartCommand.ChangeAddress) {
            return CartOperation.CHANGE_ADDRESS;
        }
        return CartOperation.BULK;
    }
}
