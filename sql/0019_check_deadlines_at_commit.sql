-- Deadlines are checked again when the writer commits. entries_guard checks the submission window
-- against the clock when a row is written; this deferred check repeats it at commit, so a change
-- made in a transaction that is still open when the deadline (or a late acceptance) runs out does
-- not get in. The edition's row is locked FOR SHARE by entries_guard from the write to the end of
-- the transaction, so the window it reads here cannot have been moved in between.
--
-- Known limit: SET CONSTRAINTS ALL IMMEDIATE runs deferred checks at once instead of at commit.
-- A writer can use it to have a change checked when it is made and then commit later; the change
-- itself was still made before the deadline, and any write after it is refused when it is made.
SET ROLE ecpa_owner;

CREATE FUNCTION ecpa.entries_check_window_at_commit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_window  record;
BEGIN
    IF TG_OP = 'UPDATE' AND NOT ecpa.entry_content_edit(OLD, NEW) AND ecpa.is_secretariat() THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = NEW.edition_id;
    v_window := ecpa.entry_window(v_edition, NEW.country_code, clock_timestamp());
    IF v_window.refusal IS NOT NULL THEN
        RAISE EXCEPTION '%; the change to entry % "%" was not committed', v_window.refusal, NEW.id, NEW.title
            USING ERRCODE = 'EC001',
                  HINT = 'Only the secretariat can accept an entry after the deadline, with a recorded reason.';
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION ecpa.entries_check_window_at_commit() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER entries_window_at_commit AFTER INSERT OR UPDATE ON ecpa.entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ecpa.entries_check_window_at_commit();

RESET ROLE;
