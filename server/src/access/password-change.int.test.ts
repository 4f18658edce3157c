/** Issue 9, hole 12: until a forced password change is done, the server serves only the change. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext, createUser, signIn, unitId } from '../../test/harness.ts';

let ctx: TestContext;
let ducXuan: number;

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => ctx.app.inject({ method, url, headers: { cookie }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  ducXuan = await unitId(ctx, 'commune', '01840');
  await createUser(ctx, 'root', [{ role: 'admin', orgUnitId: await unitId(ctx, 'country', 'VN') }]);
});
afterAll(() => ctx.close());

describe('a forced password change', () => {
  it('refuses everything but me, logout and the change until the password is changed', async () => {
    const root = await signIn(ctx, 'root');
    const created = await call('POST', '/api/users', root, { username: 'new.nurse', fullName: 'Y tá mới', password: 'first-password-1', roles: [{ role: 'station', orgUnitId: ducXuan }] });
    expect(created.statusCode).toBe(201);
    const nurse = await signIn(ctx, 'new.nurse', 'first-password-1');

    const refused = await call('GET', '/api/residents', nurse);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'password_change_required', message: 'Bạn cần đổi mật khẩu trước khi tiếp tục' });
    expect(refused.json().messageEn).toContain('change your password');
    expect(JSON.stringify(refused.json())).not.toContain('items');
    expect((await call('GET', '/api/org-units', nurse)).statusCode).toBe(403);
    expect((await call('GET', '/api/auth/me', nurse)).json().mustChangePassword).toBe(true);

    const changed = await call('POST', '/api/auth/password', nurse, { currentPassword: 'first-password-1', newPassword: 'my-own-password-1' });
    expect(changed.statusCode).toBe(204);
    expect((await call('GET', '/api/residents', nurse)).statusCode).toBe(200);
  });

  it('lets the user sign out before changing it', async () => {
    await ctx.database.db.updateTable('app_user').set({ must_change_password: true }).where('username', '=', 'root').execute();
    const root = await signIn(ctx, 'root');
    expect((await call('GET', '/api/users', root)).statusCode).toBe(403);
    expect((await call('POST', '/api/auth/logout', root)).statusCode).toBe(204);
  });
});
