-- The scoring scheme of an edition: its criteria (weight, scale and step), the ranking method
-- and the tie-break cascade. Fixed once scoring opens (DESIGN.md section 4).
SET ROLE ecpa_owner;

CREATE TABLE ecpa.schemes (
    edition_id  bigint PRIMARY KEY REFERENCES ecpa.editions (id),
    name        text NOT NULL CHECK (btrim(name) <> ''),
    note        text,
    method      text NOT NULL DEFAULT 'weighted-mean'
                CHECK (method IN ('weighted-mean', 'normalized', 'median', 'borda')),
    tie_breaks  text[] NOT NULL DEFAULT ARRAY['highest-weighted-criterion', 'head-to-head', 'shared-place'],
    source_text text NOT NULL,
    set_at      timestamptz NOT NULL DEFAULT now(),
    set_by      text NOT NULL DEFAULT current_user,
    CONSTRAINT schemes_tie_breaks_known CHECK (
        tie_breaks <@ ARRAY['highest-weighted-criterion', 'head-to-head', 'shared-place']
        AND tie_breaks[cardinality(tie_breaks)] = 'shared-place')
);

CREATE TABLE ecpa.criteria (
    edition_id  bigint NOT NULL REFERENCES ecpa.schemes (edition_id) ON DELETE CASCADE,
    code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9-]*$'),
    position    integer NOT NULL,
    name        text NOT NULL CHECK (btrim(name) <> ''),
    description text NOT NULL DEFAULT '',
    weight      numeric NOT NULL CHECK (weight > 0),
    min_value   numeric NOT NULL,
    max_value   numeric NOT NULL,
    step        numeric NOT NULL CHECK (step > 0),
    PRIMARY KEY (edition_id, code),
    CONSTRAINT criteria_position_unique UNIQUE (edition_id, position),
    CONSTRAINT criteria_scale_in_order CHECK (min_value < max_value),
    CONSTRAINT criteria_scale_on_step CHECK (mod(max_value - min_value, step) = 0)
);

-- Whether a value is on a criterion's scale: within its range and on its step grid.
CREATE FUNCTION ecpa.on_scale(p_value numeric, p_min numeric, p_max numeric, p_step numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog
    AS $$ SELECT p_value BETWEEN p_min AND p_max AND mod(p_value - p_min, p_step) = 0 $$;

CREATE FUNCTION ecpa.schemes_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_edition ecpa.editions;
BEGIN
    SELECT * INTO v_edition FROM ecpa.editions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    IF v_edition.phase IN ('scoring', 'frozen', 'published') THEN
        RAISE EXCEPTION 'the scoring scheme of the % edition is fixed: scoring has opened', v_edition.year
            USING ERRCODE = 'EC001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER schemes_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.schemes
    FOR EACH ROW EXECUTE FUNCTION ecpa.schemes_guard();
CREATE TRIGGER criteria_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.criteria
    FOR EACH ROW EXECUTE FUNCTION ecpa.schemes_guard();

-- Scoring cannot open without a scheme.
CREATE FUNCTION ecpa.editions_need_scheme() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF NEW.phase = 'scoring' AND OLD.phase <> 'scoring'
       AND NOT EXISTS (SELECT FROM ecpa.criteria WHERE edition_id = NEW.id) THEN
        RAISE EXCEPTION 'the % edition has no scoring scheme yet', NEW.year
            USING ERRCODE = 'EC003', HINT = 'Set one with `ecpa scheme set`.';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER editions_need_scheme BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_need_scheme();

GRANT SELECT, INSERT, UPDATE, DELETE ON ecpa.schemes, ecpa.criteria TO ecpa_secretariat;
GRANT SELECT ON ecpa.schemes, ecpa.criteria TO ecpa_juror, ecpa_reader;

CREATE TRIGGER schemes_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.schemes
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('edition_id');

RESET ROLE;
