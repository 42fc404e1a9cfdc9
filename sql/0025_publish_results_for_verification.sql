-- After publication anyone with a login (a representative, a juror, a public reader) can check the
-- published result with `ecpa results verify`: the ranking is recomputed from the scores, the
-- digests from the rows. These functions return what that needs, for published editions only,
-- and nothing personal: jurors by seat and country (the jury comes from the presidencies, so its
-- countries are known), never by name or login; scores without the jurors' comments; declared
-- conflicts without their reasons (but with who declared them); entries as the booklet prints
-- them, without the contact person's name, e-mail or phone, and never drafts or withdrawn
-- entries. They run as their owner, so they return the same rows to everyone who may call them.
SET ROLE ecpa_owner;

-- Whether the acting role may read an edition's results: the secretariat always, everyone once
-- the edition is published.
CREATE FUNCTION ecpa.may_read_results(p_edition bigint) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT ecpa.is_secretariat()
            OR EXISTS (SELECT FROM ecpa.editions WHERE id = p_edition AND phase = 'published')
    $$;

CREATE VIEW ecpa.published_editions WITH (security_barrier) AS
    SELECT id FROM ecpa.editions WHERE phase = 'published';

-- Each published record is a function of the edition, not a view: a person's conditions on a
-- view reach the scan of the table below it when their operators are leakproof (text = and <,
-- integer =), and EXPLAIN ANALYZE prints how many rows that scan found, before the view's own test
-- dropped the unpublished ones; comparing counts spelled out unpublished titles. A function runs
-- as the owner, on the rows of the edition asked for, if it is published, and nothing a caller
-- writes reaches inside it.
CREATE FUNCTION ecpa.published_entries(p_edition bigint)
    RETURNS TABLE (id bigint, edition_id bigint, country_code text, kind text, state text, ineligible_reason text,
                   title text, contact_name text, contact_organisation text, contact_email text, contact_phone text,
                   start_date date, still_running boolean, end_date date, links text[], description text,
                   objectives text, target_group text, evaluation_method text, evaluation_results text,
                   innovation text, partners text, transferability text, costs_funding text, created_at timestamptz,
                   created_by text, updated_at timestamptz, submitted_at timestamptz, withdrawn_at timestamptz,
                   late_acceptance_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT e.id, e.edition_id, e.country_code, e.kind, e.state, NULL::text, e.title, NULL::text,
               e.contact_organisation, NULL::text, NULL::text, e.start_date, e.still_running, e.end_date, e.links,
               e.description, e.objectives, e.target_group, e.evaluation_method, e.evaluation_results, e.innovation,
               e.partners, e.transferability, e.costs_funding, e.created_at, NULL::text, e.updated_at,
               e.submitted_at, NULL::timestamptz, e.late_acceptance_id
        FROM ecpa.entries e
        WHERE e.edition_id = p_edition AND e.state NOT IN ('draft', 'withdrawn');
END
$$;

CREATE FUNCTION ecpa.published_jurors(p_edition bigint)
    RETURNS TABLE (id bigint, edition_id bigint, role_name text, country_code text, display_name text,
                   voting boolean, chair boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT j.id, j.edition_id, 'seat ' || row_number() OVER (ORDER BY j.id), j.country_code,
               'Juror, seat ' || row_number() OVER (ORDER BY j.id), j.voting, j.chair
        FROM ecpa.jurors j WHERE j.edition_id = p_edition;
END
$$;

-- Who declared a conflict is part of the record: the juror, or the secretariat for them. Only
-- conflicts with entries published_entries shows, so no draft's or withdrawn entry's id leaks.
CREATE FUNCTION ecpa.published_conflicts(p_edition bigint)
    RETURNS TABLE (edition_id bigint, juror_id bigint, entry_id bigint, source text, reason text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT j.edition_id, j.id, e.id, 'own country'::text, format('the juror is from %s', co.name)
        FROM ecpa.jurors j
        JOIN ecpa.editions ed ON ed.id = j.edition_id AND ed.own_country_conflict
        JOIN ecpa.entries e ON e.edition_id = j.edition_id AND e.country_code = j.country_code
        JOIN ecpa.countries co ON co.code = j.country_code
        WHERE j.edition_id = p_edition AND e.state NOT IN ('draft', 'withdrawn')
        UNION ALL
        SELECT j.edition_id, d.juror_id, d.entry_id, 'declared'::text,
               CASE WHEN d.declared_by = j.role_name THEN 'declared by the juror' ELSE 'declared by the secretariat' END
        FROM ecpa.declared_conflicts d JOIN ecpa.jurors j ON j.id = d.juror_id
        JOIN ecpa.entries e ON e.id = d.entry_id
        WHERE j.edition_id = p_edition AND e.state NOT IN ('draft', 'withdrawn');
END
$$;

CREATE FUNCTION ecpa.published_scores(p_edition bigint)
    RETURNS TABLE (edition_id bigint, entry_id bigint, juror_id bigint, criterion_code text, value numeric, comment text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT s.edition_id, s.entry_id, s.juror_id, s.criterion_code, s.value, NULL::text
        FROM ecpa.scores s WHERE s.edition_id = p_edition;
END
$$;

CREATE FUNCTION ecpa.published_abstentions(p_edition bigint)
    RETURNS TABLE (edition_id bigint, entry_id bigint, juror_id bigint, comment text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT a.edition_id, a.entry_id, a.juror_id, NULL::text FROM ecpa.abstentions a WHERE a.edition_id = p_edition;
END
$$;

CREATE FUNCTION ecpa.published_overrides(p_edition bigint)
    RETURNS TABLE (edition_id bigint, entry_id bigint, place integer, reason text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM ecpa.editions ed WHERE ed.id = p_edition AND ed.phase = 'published') THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT o.edition_id, o.entry_id, o.place, o.reason FROM ecpa.overrides o WHERE o.edition_id = p_edition;
END
$$;

REVOKE ALL ON FUNCTION ecpa.published_entries(bigint), ecpa.published_jurors(bigint), ecpa.published_conflicts(bigint),
    ecpa.published_scores(bigint), ecpa.published_abstentions(bigint), ecpa.published_overrides(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.published_entries(bigint), ecpa.published_jurors(bigint), ecpa.published_conflicts(bigint),
    ecpa.published_scores(bigint), ecpa.published_abstentions(bigint), ecpa.published_overrides(bigint)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
GRANT SELECT ON ecpa.published_editions TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;
-- The scheme was declared before scoring and is printed with the results.
GRANT SELECT ON ecpa.schemes, ecpa.criteria TO ecpa_national_representative;
GRANT SELECT ON ecpa.countries TO ecpa_reader;

-- The digests of a freeze are the freeze's own business: freeze_edition computes them as the
-- owner, and `results verify` computes them again on its side from the rows it reads (FrozenSeal),
-- so that replaced functions could not answer for it. Nobody else calls these. The score set is
-- ordered by byte (COLLATE "C"), as FrozenSeal orders it, whatever the database's collation.
CREATE OR REPLACE FUNCTION ecpa.score_set_digest(p_edition bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT encode(sha256(convert_to(
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id, criterion_code, value::text)::text, E'\n'
                                        ORDER BY entry_id, juror_id, criterion_code COLLATE "C")
                      FROM ecpa.scores WHERE edition_id = p_edition), '')
            || E'\n--\n' ||
            coalesce((SELECT string_agg(jsonb_build_array(entry_id, juror_id)::text, E'\n' ORDER BY entry_id, juror_id)
                      FROM ecpa.abstentions WHERE edition_id = p_edition), ''),
            'UTF8')), 'hex')
    $$;
REVOKE ALL ON FUNCTION ecpa.score_set_digest(bigint), ecpa.frozen_ranking_text(bigint, text), ecpa.frozen_digest(bigint)
    FROM PUBLIC;

-- The checks `results verify` asks the server for read the whole edition, whoever asks; they
-- answer the secretariat, and everyone once the edition is published.
CREATE OR REPLACE FUNCTION ecpa.cells_differing_from_ledger(p_edition bigint)
    RETURNS TABLE (entry_id bigint, juror_id bigint, criterion_code text, ledger_value numeric, table_value numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the scores of this edition are not published' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
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
        FULL JOIN (SELECT * FROM ecpa.scores sc WHERE sc.edition_id = p_edition) s
             ON s.entry_id = x.entry_id AND s.juror_id = x.juror_id AND s.criterion_code = x.criterion_code
        WHERE x.new_value IS DISTINCT FROM s.value
        ORDER BY 1, 2, 3;
END
$$;

-- How many of an edition's ledger events come after the sealed batch with this hash, sealed or
-- not; NULL when no sealed batch has that hash (the chain lost it). The ledger is shared by all
-- editions, so later editions' batches are normal; this edition's are not.
CREATE FUNCTION ecpa.edition_events_after(p_edition bigint, p_head text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_position bigint;
BEGIN
    IF NOT ecpa.may_read_results(p_edition) THEN
        RAISE EXCEPTION 'the scores of this edition are not published' USING ERRCODE = '42501';
    END IF;
    IF p_head = repeat('0', 64) THEN
        v_position := 0;
    ELSE
        SELECT chain_position INTO v_position FROM ecpa.score_batches WHERE hash = p_head;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
    END IF;
    RETURN (SELECT count(*) FROM ecpa.score_events e JOIN ecpa.score_batches b ON b.id = e.batch_id
            WHERE e.edition_id = p_edition AND (b.chain_position IS NULL OR b.chain_position > v_position));
END
$$;

REVOKE ALL ON FUNCTION ecpa.may_read_results(bigint), ecpa.edition_events_after(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.may_read_results(bigint), ecpa.edition_events_after(bigint, text)
    TO ecpa_secretariat, ecpa_national_representative, ecpa_juror, ecpa_reader;

RESET ROLE;
