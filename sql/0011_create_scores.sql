-- Scores: one voting juror's value for one criterion of one entry, with an optional comment,
-- and abstentions (a juror declares they do not score an entry). Written only while the
-- edition's scoring is open, by the juror themself or by the secretariat on their behalf,
-- never for a conflicted, withdrawn, ineligible or additional entry, always on the scale.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.scores (
    edition_id     bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id       bigint NOT NULL REFERENCES ecpa.entries (id),
    juror_id       bigint NOT NULL REFERENCES ecpa.jurors (id),
    criterion_code text NOT NULL,
    value          numeric NOT NULL,
    comment        text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text NOT NULL DEFAULT current_user,
    PRIMARY KEY (entry_id, juror_id, criterion_code),
    FOREIGN KEY (edition_id, criterion_code) REFERENCES ecpa.criteria (edition_id, code)
);
CREATE INDEX scores_juror ON ecpa.scores (juror_id);
CREATE INDEX scores_edition ON ecpa.scores (edition_id);

CREATE TABLE ecpa.abstentions (
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id   bigint NOT NULL REFERENCES ecpa.entries (id),
    juror_id   bigint NOT NULL REFERENCES ecpa.jurors (id),
    comment    text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (entry_id, juror_id)
);

-- Row stamp: who and when, and the cell's identity never changes.
CREATE FUNCTION ecpa.scores_stamp() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.edition_id, NEW.entry_id, NEW.juror_id, to_jsonb(NEW) -> 'criterion_code')
           IS DISTINCT FROM (OLD.edition_id, OLD.entry_id, OLD.juror_id, to_jsonb(OLD) -> 'criterion_code') THEN
        RAISE EXCEPTION 'a score cell cannot move to another entry, juror, criterion or edition; delete it and write a new one'
            USING ERRCODE = 'EC004';
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER scores_stamp BEFORE INSERT OR UPDATE ON ecpa.scores
    FOR EACH ROW EXECUTE FUNCTION ecpa.scores_stamp();
CREATE TRIGGER abstentions_stamp BEFORE INSERT OR UPDATE ON ecpa.abstentions
    FOR EACH ROW EXECUTE FUNCTION ecpa.scores_stamp();

ALTER TABLE ecpa.scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.scores FORCE ROW LEVEL SECURITY;
-- Sub-selects run once per statement, not once per row (bulk imports).
CREATE POLICY scores_secretariat ON ecpa.scores
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
CREATE POLICY scores_own ON ecpa.scores
    USING (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user))
    WITH CHECK (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user));
CREATE POLICY scores_published ON ecpa.scores FOR SELECT
    USING (edition_id IN (SELECT j.edition_id FROM ecpa.jurors j JOIN ecpa.editions ed ON ed.id = j.edition_id
                          WHERE j.role_name = current_user AND ed.phase = 'published'));

ALTER TABLE ecpa.abstentions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.abstentions FORCE ROW LEVEL SECURITY;
-- Sub-selects run once per statement, not once per row (bulk imports).
CREATE POLICY abstentions_secretariat ON ecpa.abstentions
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
CREATE POLICY abstentions_own ON ecpa.abstentions
    USING (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user))
    WITH CHECK (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user));
CREATE POLICY abstentions_published ON ecpa.abstentions FOR SELECT
    USING (edition_id IN (SELECT j.edition_id FROM ecpa.jurors j JOIN ecpa.editions ed ON ed.id = j.edition_id
                          WHERE j.role_name = current_user AND ed.phase = 'published'));

GRANT SELECT, INSERT, UPDATE, DELETE ON ecpa.scores TO ecpa_secretariat, ecpa_juror;
-- An abstention is declared or withdrawn, never edited (an edit would bypass the ledger).
GRANT SELECT, INSERT, DELETE ON ecpa.abstentions TO ecpa_secretariat, ecpa_juror;

RESET ROLE;
