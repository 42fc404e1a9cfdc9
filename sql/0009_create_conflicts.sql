-- Conflicts of interest: a juror never scores an entry they are in conflict with. A juror is in
-- conflict with their own country's entries when the edition says so (the default), and with
-- any entry for which a conflict is declared, with a reason.
SET ROLE ecpa_owner;

CREATE TABLE ecpa.declared_conflicts (
    juror_id    bigint NOT NULL REFERENCES ecpa.jurors (id),
    entry_id    bigint NOT NULL REFERENCES ecpa.entries (id),
    reason      text NOT NULL CHECK (btrim(reason) <> ''),
    declared_at timestamptz NOT NULL DEFAULT now(),
    declared_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (juror_id, entry_id)
);

CREATE FUNCTION ecpa.declared_conflicts_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_juror ecpa.jurors;
    v_entry_edition bigint;
    v_phase text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT phase INTO v_phase FROM ecpa.editions e JOIN ecpa.jurors j ON j.edition_id = e.id WHERE j.id = OLD.juror_id;
        IF v_phase IN ('frozen', 'published') THEN
            RAISE EXCEPTION 'conflicts of a frozen edition cannot be cleared' USING ERRCODE = 'EC002';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.juror_id, NEW.entry_id) IS DISTINCT FROM (OLD.juror_id, OLD.entry_id) THEN
        RAISE EXCEPTION 'a declared conflict cannot move to another juror or entry; the secretariat clears it instead'
            USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_juror FROM ecpa.jurors WHERE id = NEW.juror_id;
    SELECT edition_id INTO v_entry_edition FROM ecpa.entries WHERE id = NEW.entry_id;
    IF v_entry_edition IS DISTINCT FROM v_juror.edition_id THEN
        RAISE EXCEPTION 'entry % is not in the edition juror % judges', NEW.entry_id, v_juror.role_name
            USING ERRCODE = '23514';
    END IF;
    IF NOT ecpa.is_secretariat() AND v_juror.role_name <> current_user THEN
        RAISE EXCEPTION 'a juror declares only their own conflicts' USING ERRCODE = '42501';
    END IF;
    SELECT phase INTO v_phase FROM ecpa.editions WHERE id = v_juror.edition_id;
    IF v_phase IN ('frozen', 'published') THEN
        RAISE EXCEPTION 'the edition is %; conflicts can no longer change', v_phase USING ERRCODE = 'EC002';
    END IF;
    NEW.declared_at := now();
    NEW.declared_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER declared_conflicts_guard BEFORE INSERT OR UPDATE OR DELETE ON ecpa.declared_conflicts
    FOR EACH ROW EXECUTE FUNCTION ecpa.declared_conflicts_guard();

-- Every conflict, automatic or declared, with where it comes from.
CREATE VIEW ecpa.conflicts WITH (security_invoker = true) AS
    SELECT j.edition_id, j.id AS juror_id, e.id AS entry_id, 'own country' AS source,
           format('the juror is from %s', c.name) AS reason
    FROM ecpa.jurors j
    JOIN ecpa.editions ed ON ed.id = j.edition_id AND ed.own_country_conflict
    JOIN ecpa.entries e ON e.edition_id = j.edition_id AND e.country_code = j.country_code
    JOIN ecpa.countries c ON c.code = j.country_code
    UNION ALL
    SELECT j.edition_id, d.juror_id, d.entry_id, 'declared', d.reason
    FROM ecpa.declared_conflicts d JOIN ecpa.jurors j ON j.id = d.juror_id;

-- Whether a juror is in conflict with an entry (the structural rule of DESIGN.md section 2).
CREATE FUNCTION ecpa.in_conflict(p_juror bigint, p_entry bigint) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$
        SELECT EXISTS (
            SELECT FROM ecpa.jurors j
            JOIN ecpa.editions ed ON ed.id = j.edition_id
            JOIN ecpa.entries e ON e.id = p_entry AND e.edition_id = j.edition_id
            WHERE j.id = p_juror AND ed.own_country_conflict AND e.country_code = j.country_code)
        OR EXISTS (SELECT FROM ecpa.declared_conflicts WHERE juror_id = p_juror AND entry_id = p_entry)
    $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ecpa.declared_conflicts TO ecpa_secretariat;
GRANT SELECT, INSERT, UPDATE ON ecpa.declared_conflicts TO ecpa_juror;
GRANT SELECT ON ecpa.conflicts TO ecpa_secretariat, ecpa_juror;

CREATE TRIGGER declared_conflicts_audit AFTER INSERT OR UPDATE OR DELETE ON ecpa.declared_conflicts
    FOR EACH ROW EXECUTE FUNCTION ecpa.audit('entry_id');

RESET ROLE;
