-- Results: jury overrides (a place set after deliberation, with its reason), the frozen ranking
-- with its SHA-256 digest over the canonical score set and the ledger head, and publication.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.overrides (
    edition_id bigint NOT NULL REFERENCES ecpa.editions (id),
    entry_id   bigint NOT NULL REFERENCES ecpa.entries (id),
    place      integer NOT NULL CHECK (place >= 1),
    reason     text NOT NULL CHECK (btrim(reason) <> ''),
    set_at     timestamptz NOT NULL DEFAULT now(),
    set_by     text NOT NULL DEFAULT current_user,
    PRIMARY KEY (edition_id, entry_id),
    CONSTRAINT overrides_one_entry_per_place UNIQUE (edition_id, place)
);

CREATE TABLE ecpa.frozen_results (
    edition_id    bigint PRIMARY KEY REFERENCES ecpa.editions (id),
    method        text NOT NULL,
    ranking_text  text NOT NULL,
    scores_digest text NOT NULL,
    ledger_head   text NOT NULL,
    digest        text NOT NULL,
    frozen_at     timestamptz NOT NULL DEFAULT now(),
    frozen_by     text NOT NULL DEFAULT current_user
);

-- Overrides change only before the freeze; frozen results are written once, at the freeze.
CREATE FUNCTION ecpa.results_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_edition ecpa.editions;
BEGIN
    SELECT * INTO v_edition FROM ecpa.editions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    IF TG_TABLE_NAME = 'overrides' THEN
        IF v_edition.phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'the results of the % edition are frozen; overrides can no longer change', v_edition.year
                USING ERRCODE = 'EC002';
        END IF;
        IF v_edition.phase <> 'scoring' THEN
            RAISE EXCEPTION 'a jury override is set after scoring, before the freeze' USING ERRCODE = 'EC001';
        END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN
            RAISE EXCEPTION 'frozen results cannot be changed or deleted' USING ERRCODE = 'EC002';
        END IF;
        IF v_edition.phase <> 'scoring' THEN
            RAISE EXCEPTION 'the % edition is %; only an edition in scoring can be frozen', v_edition.year,
                    replace(v_edition.phase, '_', ' ')
                USING ERRCODE = 'EC003';
        END IF;
        NEW.frozen_at := now();
        NEW.frozen_by := current_user;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER overrides_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.overrides
    FOR EACH ROW EXECUTE FUNCTION ecpa.results_guard();
CREATE TRIGGER frozen_results_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.frozen_results
    FOR EACH ROW EXECUTE FUNCTION ecpa.results_guard();

-- An edition freezes only with its results stored, and publishes only once frozen.
CREATE FUNCTION ecpa.editions_need_results() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF NEW.phase = 'frozen' AND OLD.phase <> 'frozen'
       AND NOT EXISTS (SELECT FROM ecpa.frozen_results WHERE edition_id = NEW.id) THEN
        RAISE EXCEPTION 'the % edition has no stored results; freeze it with `ecpa edition freeze`', NEW.year
            USING ERRCODE = 'EC003';
    END IF;
    IF NEW.phase = 'frozen' THEN
        NEW.scoring_open := false;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER editions_need_results BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_need_results();

-- The canonical text of an edition's score set: every cell and abstention, in a fixed order.
CREATE FUNCTION ecpa.score_set_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$
        SELECT encode(sha256(convert_to(
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id, criterion_code, value::text)::text, E'\n'
                                        ORDER BY entry_id, juror_id, criterion_code)
                      FROM ecpa.scores WHERE edition_id = p_edition), '')
            || E'\n--\n' ||
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id)::text, E'\n' ORDER BY entry_id, juror_id)
                      FROM ecpa.abstentions WHERE edition_id = p_edition), ''),
            'UTF8')), 'hex')
    $$;

-- Cells whose stored value differs from what the ledger says it should be (its last event).
CREATE FUNCTION ecpa.cells_differing_from_ledger(p_edition bigint)
    RETURNS TABLE (entry_id bigint, juror_id bigint, criterion_code text, ledger_value numeric, table_value numeric)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$
        WITH last AS (
            SELECT DISTINCT ON (e.entry_id, e.juror_id, e.criterion_code)
                   e.entry_id, e.juror_id, e.criterion_code, e.action, e.new_value
            FROM ecpa.score_events e
            WHERE e.edition_id = p_edition AND e.criterion_code IS NOT NULL
            ORDER BY e.entry_id, e.juror_id, e.criterion_code, e.id DESC
        ), expected AS (
            SELECT * FROM last WHERE action <> 'delete'
        )
        SELECT coalesce(x.entry_id, s.entry_id), coalesce(x.juror_id, s.juror_id),
               coalesce(x.criterion_code, s.criterion_code), x.new_value, s.value
        FROM expected x
        FULL JOIN (SELECT * FROM ecpa.scores WHERE edition_id = p_edition) s
             ON s.entry_id = x.entry_id AND s.juror_id = x.juror_id AND s.criterion_code = x.criterion_code
        WHERE x.new_value IS DISTINCT FROM s.value
        ORDER BY 1, 2, 3
    $$;

ALTER TABLE ecpa.frozen_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.frozen_results FORCE ROW LEVEL SECURITY;
CREATE POLICY frozen_results_secretariat ON ecpa.frozen_results
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
CREATE POLICY frozen_results_published ON ecpa.frozen_results FOR SELECT
    USING (EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = frozen_results.edition_id AND ed.phase = 'published'));

GRANT SELECT, INSERT, UPDATE, DELETE ON ecpa.overrides TO ecpa_secretariat;
GRANT SELECT, INSERT ON ecpa.frozen_results TO ecpa_secretariat;
GRANT SELECT ON ecpa.frozen_results TO ecpa_juror, ecpa_national_representative, ecpa_reader;
GRANT SELECT ON ecpa.overrides TO ecpa_juror;

CREATE TRIGGER overrides_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.overrides
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('entry_id');
CREATE TRIGGER frozen_results_audit AFTER INSERT ON ecpa.frozen_results
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');

RESET ROLE;
