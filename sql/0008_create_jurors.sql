-- The jury of an edition: at most a set number of voting members (8 by default), advisory
-- experts without a vote, and a chair. Each juror is a login role in the group ecpa_juror
-- (created with the other groups in 0001).
SET ROLE ecpa_owner;

ALTER TABLE ecpa.editions
    ADD COLUMN max_voting_jurors integer NOT NULL DEFAULT 8 CHECK (max_voting_jurors BETWEEN 1 AND 50),
    ADD COLUMN own_country_conflict boolean NOT NULL DEFAULT true,
    ADD COLUMN scoring_open boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT editions_scoring_open_only_while_scoring CHECK (NOT scoring_open OR phase = 'scoring');
GRANT SELECT ON ecpa.editions TO ecpa_juror;

-- Who is in conflict and how many may vote are fixed once scoring opens.
CREATE FUNCTION ecpa.editions_guard_jury_rules() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF OLD.phase IN ('scoring', 'frozen', 'published')
       AND (NEW.max_voting_jurors, NEW.own_country_conflict) IS DISTINCT FROM (OLD.max_voting_jurors, OLD.own_country_conflict) THEN
        RAISE EXCEPTION 'the jury rules of the % edition are fixed once scoring has opened', OLD.year
            USING ERRCODE = 'EC001';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER editions_guard_jury_rules BEFORE UPDATE ON ecpa.editions
    FOR EACH ROW EXECUTE FUNCTION ecpa.editions_guard_jury_rules();

CREATE TABLE ecpa.jurors (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id   bigint NOT NULL REFERENCES ecpa.editions (id),
    role_name    text NOT NULL CHECK (role_name ~ '^[a-z][a-z0-9_]{1,62}$'),
    country_code text NOT NULL REFERENCES ecpa.countries (code),
    display_name text NOT NULL CHECK (btrim(display_name) <> ''),
    voting       boolean NOT NULL DEFAULT true,
    chair        boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text NOT NULL DEFAULT current_user,
    CONSTRAINT jurors_one_seat_per_role UNIQUE (edition_id, role_name)
);
CREATE UNIQUE INDEX jurors_one_chair ON ecpa.jurors (edition_id) WHERE chair;

-- The jury's size limit, and no changes once scoring has opened.
CREATE FUNCTION ecpa.jurors_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_edition ecpa.editions;
    v_voting  integer;
BEGIN
    SELECT * INTO v_edition FROM ecpa.editions
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.edition_id ELSE NEW.edition_id END;
    IF v_edition.phase IN ('scoring', 'frozen', 'published') THEN
        RAISE EXCEPTION 'the jury of the % edition cannot change once scoring has opened', v_edition.year
            USING ERRCODE = 'EC001';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF NEW.voting THEN
        SELECT count(*) INTO v_voting FROM ecpa.jurors
        WHERE edition_id = NEW.edition_id AND voting AND id <> NEW.id;
        IF v_voting >= v_edition.max_voting_jurors THEN
            RAISE EXCEPTION 'the % edition already has % voting jurors, its limit', v_edition.year, v_voting
                USING ERRCODE = '23514', CONSTRAINT = 'jurors_voting_limit',
                      HINT = 'Add this person as an advisory juror, or remove a voting juror first.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER jurors_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.jurors
    FOR EACH ROW EXECUTE FUNCTION ecpa.jurors_guard();

-- The juror seat of the current role in an edition, or NULL.
CREATE FUNCTION ecpa.my_juror_id(p_edition bigint) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$ SELECT id FROM ecpa.jurors WHERE edition_id = p_edition AND role_name = current_user $$;

-- Jury composition is not secret among the people who run and judge the award.
GRANT SELECT, INSERT, UPDATE, DELETE ON ecpa.jurors TO ecpa_secretariat;
GRANT SELECT ON ecpa.jurors TO ecpa_juror;
GRANT SELECT ON ecpa.countries TO ecpa_juror;
-- The entry policies ask ecpa.my_country(); a juror has no row in people, so it answers NULL.
GRANT SELECT ON ecpa.people TO ecpa_juror;

-- Jurors read the entries of the editions they judge.
-- TO ecpa_juror: only jurors evaluate it (other roles may not read the jury table).
CREATE POLICY entries_jurors_read ON ecpa.entries FOR SELECT TO ecpa_juror
    USING (EXISTS (SELECT FROM ecpa.jurors j WHERE j.edition_id = entries.edition_id AND j.role_name = current_user));
GRANT SELECT ON ecpa.entries TO ecpa_juror;

CREATE TRIGGER jurors_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.jurors
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('id');
GRANT INSERT ON ecpa.audit_log TO ecpa_juror;

RESET ROLE;
