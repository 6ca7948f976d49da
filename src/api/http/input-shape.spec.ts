import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { misshapenNested, unstorableText } from './input-shape';

class Cursor {
  @IsString() id!: string;
}
class Search {
  @ValidateNested() @Type(() => Cursor) cursor?: Cursor;
  @ValidateNested({ each: true }) @Type(() => Cursor) history?: Cursor[];
}

describe('input the database cannot store', () => {
  it('names the path of a NUL, an unpaired surrogate or a bad key, and passes proper pairs', () => {
    expect(unstorableText({ a: [{ b: 'x\u0000' }] })).toMatchObject({
      field: 'a[0].b',
      code: 'b_is_invalid',
    });
    expect(unstorableText({ name: '\ud800' })?.field).toBe('name');
    expect(unstorableText({ name: 'x\udc00' })?.field).toBe('name');
    expect(unstorableText({ 'k\u0000': 1 })?.field).toBe('"k?"');
    expect(unstorableText({ name: 'emoji 😀 ok', list: ['ü', 1, null] })).toBeNull();
    const deep: unknown[] = [];
    let node = deep;
    for (let i = 0; i < 100_000; i++) node = node[0] = [];
    expect(unstorableText(deep)).toBeNull();
  });
});

describe('arrays where nested objects are expected', () => {
  const of = (plain: Record<string, unknown>) => Object.assign(new Search(), plain);

  it('names a nested object given as an array, and an array element that is no object', () => {
    expect(misshapenNested(of({ cursor: [] })).map((p) => p.field)).toEqual(['cursor']);
    expect(
      misshapenNested(of({ history: [Object.assign(new Cursor(), { id: 'a' }), [], 'x'] })).map(
        (p) => p.field,
      ),
    ).toEqual(['history[1]', 'history[2]']);
    expect(misshapenNested(of({ cursor: Object.assign(new Cursor(), { id: 'a' }), history: [] }))).toEqual(
      [],
    );
  });
});
