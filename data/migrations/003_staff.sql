-- Staff mode: the staff PIN and the wrong-PIN lockout. One row, so that the
-- count of wrong PINs and a running lockout survive a restart: switching
-- the kiosk off and on must not buy a guesser five more tries.

CREATE TABLE staff_pin (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    hash         TEXT NOT NULL DEFAULT '',    -- bcrypt of the PIN; '' while none is set
    failures     INTEGER NOT NULL DEFAULT 0,  -- wrong PINs in a row since the last lockout or right PIN
    lockouts     INTEGER NOT NULL DEFAULT 0,  -- lockouts since the last right PIN: the rung of the ladder
    locked_until TEXT NOT NULL DEFAULT ''     -- RFC 3339 UTC end of the running lockout; '' for none
);
INSERT INTO staff_pin (id) VALUES (1);
