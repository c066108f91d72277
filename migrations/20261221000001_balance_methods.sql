-- How each property takes the balance a guest still owes after the deposit (paid by Mercado
-- Pago when booking), as its owner sets it in the console: cash, bank transfer, card, any of
-- them. None set (the default) means the guest is told "on arrival" and nothing about how, and
-- a guest asking about one of them is told that someone from the team will answer.
ALTER TABLE properties
    ADD COLUMN balance_cash     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN balance_transfer BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN balance_card     BOOLEAN NOT NULL DEFAULT FALSE;
