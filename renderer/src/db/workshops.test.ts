import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Relais } from './index';
import { openRelaisWithKeys } from '../testkit/db';
import {
  cancelSession, changeSession, closeSessionInDb, copyStarter, createSeries, deleteSeries, duplicateTemplate, moveSession, newSession,
  restoreSeries, SessionNotClosableError,
} from './workshops';
import { ValidationError } from '../domain/validation';
import { dataOf } from '../domain/records';
import type { WalkIn } from '../domain/workshops/types';

const lormes = { codeInsee: '58145', nom: 'Lormes', codePostal: '58140' };

function fresh(): Relais {
  return openRelaisWithKeys(`test-${Math.random().toString(36).slice(2)}`);
}

const walkIn = (genre: WalkIn['genre']): WalkIn => ({ genre, trancheAge: 'soixante_dix_plus', statutSocial: 'retraite', dejaAccompagne: false });

async function plannedSeries(relais: Relais) {
  const template = await copyStarter(relais, 'arnaques', 'fr');
  const series = await createSeries(relais, {
    templateId: template.id, titre: template.titre, itinerant: true, commune: lormes, participantIds: [], evaluations: [],
  }, [{ date: '2026-03-12', heure: '14:00' }, { date: '2026-03-19' }]);
  const sessions = await relais.db.workshopSessions.where('seriesId').equals(series.id).sortBy('date');
  return { template, series, sessions };
}

describe('workshops in the database', () => {
  it('copies a starter once, with per-field versions, and duplicates it as a free template', async () => {
    const relais = fresh();
    const first = await copyStarter(relais, 'arnaques', 'fr');
    const again = await copyStarter(relais, 'arnaques', 'en');
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ titre: 'Repérer les arnaques', starter: true, starterKey: 'arnaques' });
    expect(Object.keys(first.versions)).toEqual(expect.arrayContaining(['titre', 'etapes', 'deleted']));
    const copy = await duplicateTemplate(relais, first, 'Arnaques (copie)');
    expect(copy.id).not.toBe(first.id);
    expect(copy.starter).toBeUndefined();
    expect(copy.etapes).toEqual(first.etapes);
    expect(await relais.db.workshopTemplates.count()).toBe(2);
  });

  it('closes a session into exactly one workshop activity, in one step with the session', async () => {
    const relais = fresh();
    const { sessions } = await plannedSeries(relais);
    const [session] = sessions;
    await relais.workshopSessions.update(session.id, {
      seriesId: session.seriesId, date: session.date, heure: session.heure, statut: 'prevue', etapesCouvertes: ['arnaques-1'],
      presents: ['b1', 'b2', 'b3'], walkIns: [walkIn('feminin'), walkIn('feminin'), walkIn('masculin'), walkIn('masculin'), walkIn('non_communique')],
    });
    const activity = await closeSessionInDb(relais, session.id);
    expect(activity).toMatchObject({
      type: 'collectif', date: '2026-03-12', duree: 90, typeLieu: 'autre', commune: lormes, titreAtelier: 'Repérer les arnaques',
      niveau: 'intermediaire', thematiques: ['securite_numerique'], beneficiaryIds: ['b1', 'b2', 'b3'],
      participantsAnonymes: { total: 5, dejaAccompagne: 0, genres: { feminin: 2, masculin: 2, non_communique: 1 } },
    });
    const closed = await relais.workshopSessions.get(session.id);
    expect(closed).toMatchObject({ statut: 'cloturee', activityId: activity.id });
    expect(await relais.db.activities.count()).toBe(1);
    // Closing again produces nothing more.
    await expect(closeSessionInDb(relais, session.id)).rejects.toBeInstanceOf(SessionNotClosableError);
    expect(await relais.db.activities.count()).toBe(1);
  });

  it('creates nothing for a cancelled session, and cannot move it any more', async () => {
    const relais = fresh();
    const { sessions } = await plannedSeries(relais);
    await cancelSession(relais, sessions[1].id);
    await expect(closeSessionInDb(relais, sessions[1].id)).rejects.toMatchObject({ reason: 'notPlanned' });
    await expect(moveSession(relais, sessions[1].id, '2026-04-01')).rejects.toThrow();
    expect(await relais.db.activities.count()).toBe(0);
  });

  it('moves a planned session', async () => {
    const relais = fresh();
    const { sessions } = await plannedSeries(relais);
    await moveSession(relais, sessions[0].id, '2026-03-14', '09:30');
    expect(await relais.workshopSessions.get(sessions[0].id)).toMatchObject({ date: '2026-03-14', heure: '09:30' });
  });

  it('refuses to close a session nobody attended and leaves it planned', async () => {
    const relais = fresh();
    const { sessions } = await plannedSeries(relais);
    await expect(closeSessionInDb(relais, sessions[0].id)).rejects.toMatchObject({ reason: 'noParticipant' });
    expect((await relais.workshopSessions.get(sessions[0].id))?.statut).toBe('prevue');
  });

  it('rolls the session back when the activity is refused', async () => {
    const relais = fresh();
    const { sessions, template } = await plannedSeries(relais);
    // A template edited to an impossible duration: the activity validator refuses (over one day).
    await relais.workshopTemplates.update(template.id, { ...dataOf(template), duree: 5000 });
    await relais.workshopSessions.update(sessions[0].id, { ...dataOf(sessions[0]), presents: ['b1'] });
    await expect(closeSessionInDb(relais, sessions[0].id)).rejects.toBeInstanceOf(ValidationError);
    expect((await relais.workshopSessions.get(sessions[0].id))?.statut).toBe('prevue');
    expect(await relais.db.activities.count()).toBe(0);
  });

  it('deletes a series with its sessions as tombstones, keeps closed workshops, and undoes exactly that', async () => {
    const relais = fresh();
    const { series, sessions } = await plannedSeries(relais);
    const activityCount = await relais.db.activities.count();
    const deleted = await deleteSeries(relais, series.id);
    expect(new Set(deleted)).toEqual(new Set([series.id, ...sessions.map((s) => s.id)]));
    expect((await relais.db.workshopSeries.get(series.id))?.deleted).toBe(1);
    expect((await relais.db.workshopSessions.where('seriesId').equals(series.id).toArray()).every((s) => s.deleted === 1)).toBe(true);
    expect(await relais.db.activities.count()).toBe(activityCount);
    await restoreSeries(relais, deleted);
    expect((await relais.db.workshopSeries.get(series.id))?.deleted).toBe(0);
    expect((await relais.db.workshopSessions.where('seriesId').equals(series.id).toArray()).every((s) => s.deleted === 0)).toBe(true);
  });

  it('an itinerant series plans a session in another village, and closing it records that commune', async () => {
    const relais = fresh();
    const { series } = await plannedSeries(relais);
    const arvieu = { codeInsee: '12011', nom: 'Arvieu', codePostal: '12120' };
    const away = await relais.workshopSessions.create(newSession(series.id, { date: '2026-03-26', commune: arvieu }));
    await changeSession(relais, away.id, (s) => ({ ...s, walkIns: [walkIn('feminin')] }));
    const activity = await closeSessionInDb(relais, away.id);
    expect(activity).toMatchObject({ typeLieu: 'autre', commune: arvieu });
  });
});


describe('closing a session with its notes', () => {
  it('writes the steps covered and the note to review into the workshop activity', async () => {
    const relais = fresh();
    const { sessions, template } = await plannedSeries(relais);
    const [session] = sessions;
    const [first, second] = template.etapes;
    await changeSession(relais, session.id, (s) => ({ ...s, presents: ['b1'], etapesCouvertes: [second.id, first.id], aRevoir: 'Le 33700' }));
    const activity = await closeSessionInDb(relais, session.id, (steps, aRevoir) => `${steps.join(' / ')} | ${aRevoir}`);
    expect(activity.notes).toBe(`${first.titre} / ${second.titre} | Le 33700`);
  });
});
