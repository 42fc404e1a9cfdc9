-- Entries: the Annex I template, one row per project sent to an edition, with the rules of
-- DESIGN.md sections 1-3 enforced here for every client, psql included.
SET ROLE ecpa_owner;

-- Words are maximal runs of characters other than ASCII white space; ECPACore counts the same way.
CREATE FUNCTION ecpa.word_count(p_text text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog
    AS $$
        SELECT CASE WHEN btrim(p_text, E' \t\n\r\f\v') = '' THEN 0
               ELSE cardinality(regexp_split_to_array(btrim(p_text, E' \t\n\r\f\v'), E'[ \t\n\r\f\v]+'))
               END
    $$;

CREATE TABLE ecpa.entries (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    edition_id           bigint NOT NULL REFERENCES ecpa.editions (id),
    country_code         text NOT NULL REFERENCES ecpa.countries (code),
    kind                 text NOT NULL CHECK (kind IN ('competing', 'additional')),
    state                text NOT NULL DEFAULT 'draft' CHECK (state IN (
                             'draft', 'submitted', 'eligible', 'ineligible', 'withdrawn')),
    ineligible_reason    text,
    title                text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 250),
    contact_name         text,
    contact_organisation text,
    contact_email        text,
    contact_phone        text,
    start_date           date,
    still_running        boolean,
    end_date             date,
    links                text[] NOT NULL DEFAULT '{}',
    description          text,
    objectives           text,
    target_group         text,
    evaluation_method    text,
    evaluation_results   text,
    innovation           text,
    partners             text,
    transferability      text,
    costs_funding        text,
    late_acceptance_id   bigint REFERENCES ecpa.late_acceptances (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    created_by           text NOT NULL DEFAULT current_user,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    submitted_at         timestamptz,
    withdrawn_at         timestamptz,
    CONSTRAINT entries_description_at_most_600_words
        CHECK (ecpa.word_count(description) <= 600),
    CONSTRAINT entries_end_date_when_not_running
        CHECK (still_running IS DISTINCT FROM false OR end_date IS NOT NULL),
    CONSTRAINT entries_no_end_date_while_running
        CHECK (still_running IS DISTINCT FROM true OR end_date IS NULL),
    CONSTRAINT entries_end_date_after_start
        CHECK (end_date >= start_date),
    CONSTRAINT entries_ineligible_has_reason
        CHECK (state <> 'ineligible' OR coalesce(btrim(ineligible_reason), '') <> ''),
    CONSTRAINT entries_complete_when_submitted CHECK (state = 'draft' OR (
        contact_name IS NOT NULL AND contact_email IS NOT NULL AND start_date IS NOT NULL
        AND still_running IS NOT NULL AND description IS NOT NULL
        AND (kind = 'additional' OR (
            objectives IS NOT NULL AND target_group IS NOT NULL
            AND evaluation_method IS NOT NULL AND evaluation_results IS NOT NULL
            AND innovation IS NOT NULL AND partners IS NOT NULL
            AND transferability IS NOT NULL AND costs_funding IS NOT NULL))))
);

-- At most one competing, non-withdrawn entry per country and edition. The trigger below
-- names the existing entry; this index is the guarantee when two sessions race.
CREATE UNIQUE INDEX entries_one_competing_per_country ON ecpa.entries (edition_id, country_code)
    WHERE kind = 'competing' AND state <> 'withdrawn';
CREATE INDEX entries_edition ON ecpa.entries (edition_id, country_code);

-- Why submissions to an edition are refused at this instant, or NULL when they are open.
CREATE FUNCTION ecpa.submission_refusal(p_edition ecpa.editions) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$
        SELECT CASE
            WHEN p_edition.phase = 'draft' THEN
                format('submissions for the %s edition are not open yet', p_edition.year)
            WHEN p_edition.phase <> 'submissions_open' THEN
                format('submissions for the %s edition are closed (phase: %s)',
                       p_edition.year, replace(p_edition.phase, '_', ' '))
            WHEN now() < p_edition.submissions_open_at THEN
                format('submissions for the %s edition open at %s (%s)', p_edition.year,
                       to_char(p_edition.submissions_open_at AT TIME ZONE p_edition.time_zone,
                               'YYYY-MM-DD HH24:MI'), p_edition.time_zone)
            WHEN now() >= p_edition.submissions_close_at THEN
                format('the deadline for the %s edition passed at %s (%s)', p_edition.year,
                       to_char(p_edition.submissions_close_at AT TIME ZONE p_edition.time_zone,
                               'YYYY-MM-DD HH24:MI'), p_edition.time_zone)
        END
    $$;

CREATE FUNCTION ecpa.entries_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog
    AS $$
DECLARE
    v_edition      ecpa.editions;
    v_secretariat  boolean := ecpa.is_secretariat();
    v_country      text;
    v_refusal      text;
    v_late         bigint;
    v_existing     record;
    v_content_edit boolean;
    v_bookkeeping  text[] := ARRAY['state', 'ineligible_reason', 'updated_at', 'submitted_at',
                                   'withdrawn_at', 'late_acceptance_id'];
BEGIN
    SELECT * INTO v_edition FROM ecpa.editions WHERE id = NEW.edition_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no edition with id %', NEW.edition_id USING ERRCODE = '23503';
    END IF;
    IF v_edition.phase IN ('frozen', 'published') THEN
        RAISE EXCEPTION 'the % edition is %; its entries can no longer change',
                v_edition.year, v_edition.phase
            USING ERRCODE = 'EC002';
    END IF;

    IF TG_OP = 'UPDATE' THEN
        IF NEW.edition_id <> OLD.edition_id OR NEW.country_code <> OLD.country_code
           OR NEW.kind <> OLD.kind THEN
            RAISE EXCEPTION 'entry % cannot change its edition, country or kind', OLD.id
                USING ERRCODE = 'EC004',
                      HINT = 'Withdraw it and send a new entry instead.';
        END IF;
        IF OLD.state = 'withdrawn' THEN
            RAISE EXCEPTION 'entry % "%" was withdrawn and can no longer change', OLD.id, OLD.title
                USING ERRCODE = 'EC004';
        END IF;
        IF NEW.state <> OLD.state AND (OLD.state, NEW.state) NOT IN (
               ('draft', 'submitted'), ('draft', 'withdrawn'),
               ('submitted', 'eligible'), ('submitted', 'ineligible'), ('submitted', 'withdrawn'),
               ('eligible', 'ineligible'), ('ineligible', 'eligible'),
               ('eligible', 'withdrawn'), ('ineligible', 'withdrawn')) THEN
            RAISE EXCEPTION 'entry % cannot go from % to %', OLD.id, OLD.state, NEW.state
                USING ERRCODE = 'EC004';
        END IF;
        v_content_edit := (to_jsonb(NEW) - v_bookkeeping) IS DISTINCT FROM (to_jsonb(OLD) - v_bookkeeping)
                          OR (NEW.state = 'submitted' AND OLD.state = 'draft');
        IF v_content_edit AND OLD.state NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'entry % "%" is % and can no longer be edited', OLD.id, OLD.title, OLD.state
                USING ERRCODE = 'EC004';
        END IF;
    ELSE
        IF NEW.state NOT IN ('draft', 'submitted') THEN
            RAISE EXCEPTION 'a new entry is a draft or submitted, not %', NEW.state
                USING ERRCODE = 'EC004';
        END IF;
        v_content_edit := true;
    END IF;

    IF NOT v_secretariat THEN
        v_country := ecpa.my_country();
        IF v_country IS NULL THEN
            RAISE EXCEPTION 'role "%" is neither a national representative nor in the secretariat', current_user
                USING ERRCODE = '42501';
        END IF;
        IF NEW.country_code <> v_country THEN
            RAISE EXCEPTION 'you represent %; entries of % are not yours to send or change',
                    v_country, NEW.country_code
                USING ERRCODE = '42501';
        END IF;
        IF NEW.state IN ('eligible', 'ineligible') THEN
            RAISE EXCEPTION 'only the secretariat decides whether an entry is eligible'
                USING ERRCODE = '42501';
        END IF;
    END IF;

    -- Creating, editing and submitting need an open call; so does any change a representative
    -- makes (withdrawing included), even one that changes nothing.
    IF v_content_edit OR NOT v_secretariat THEN
        v_refusal := ecpa.submission_refusal(v_edition);
        -- A late acceptance lifts the deadline (and a call closed after it), never another phase.
        IF v_refusal IS NOT NULL AND v_edition.phase NOT IN ('submissions_open', 'submissions_closed') THEN
            RAISE EXCEPTION '%; nothing was changed', v_refusal USING ERRCODE = 'EC001';
        END IF;
        IF v_refusal IS NOT NULL THEN
            SELECT id INTO v_late FROM ecpa.late_acceptances
            WHERE edition_id = NEW.edition_id AND country_code = NEW.country_code
              AND accepted_until > now()
            ORDER BY accepted_until DESC LIMIT 1;
            IF v_late IS NULL THEN
                RAISE EXCEPTION '%; nothing was changed', v_refusal
                    USING ERRCODE = 'EC001',
                          HINT = 'Only the secretariat can accept an entry after the deadline, with a recorded reason.';
            END IF;
            NEW.late_acceptance_id := v_late;
        END IF;
    END IF;

    IF NEW.kind = 'competing' AND NEW.state <> 'withdrawn' THEN
        SELECT e.id, e.title, e.state, c.name AS country INTO v_existing
        FROM ecpa.entries e JOIN ecpa.countries c ON c.code = e.country_code
        WHERE e.edition_id = NEW.edition_id AND e.country_code = NEW.country_code
          AND e.kind = 'competing' AND e.state <> 'withdrawn' AND e.id <> NEW.id;
        IF FOUND THEN
            RAISE EXCEPTION '% already has a competing entry in the % edition: entry % "%" (%)',
                    v_existing.country, v_edition.year, v_existing.id, v_existing.title, v_existing.state
                USING ERRCODE = '23505',
                      CONSTRAINT = 'entries_one_competing_per_country',
                      HINT = format('Change that entry with `ecpa entry submit FILE --entry %s`, or withdraw it first; another project can be sent as an additional entry.', v_existing.id);
        END IF;
    END IF;

    IF NEW.state <> 'ineligible' THEN
        NEW.ineligible_reason := NULL;
    END IF;
    NEW.updated_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := now();
        NEW.created_by := current_user;
        NEW.submitted_at := CASE WHEN NEW.state = 'submitted' THEN now() END;
        NEW.withdrawn_at := NULL;
    ELSE
        NEW.created_at := OLD.created_at;
        NEW.created_by := OLD.created_by;
        NEW.submitted_at := CASE WHEN NEW.state = 'submitted' AND OLD.state = 'draft' THEN now()
                                 WHEN NEW.state = 'draft' THEN NULL
                                 ELSE OLD.submitted_at END;
        NEW.withdrawn_at := CASE WHEN NEW.state = 'withdrawn' THEN now() END;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER entries_guard BEFORE INSERT OR UPDATE ON ecpa.entries
    FOR EACH ROW EXECUTE FUNCTION ecpa.entries_guard();

ALTER TABLE ecpa.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.entries FORCE ROW LEVEL SECURITY;
CREATE POLICY entries_secretariat ON ecpa.entries
    USING (ecpa.is_secretariat()) WITH CHECK (ecpa.is_secretariat());
CREATE POLICY entries_own_country ON ecpa.entries
    USING (country_code = ecpa.my_country()) WITH CHECK (country_code = ecpa.my_country());

GRANT SELECT, INSERT, UPDATE ON ecpa.entries TO ecpa_secretariat, ecpa_national_representative;

RESET ROLE;
