#!/usr/bin/env python3
"""Builds the compact dictionaries under stream-privacy/src/main/resources/pii/ from datafaker's bundled locale YAML.

Usage (from the repository root, with PyYAML):
  unzip -o -q ~/.m2/repository/net/datafaker/datafaker/2.7.0/datafaker-2.7.0.jar '*.yml' -d /tmp/df
  python3 stream-privacy/src/test/resources/pii/build-dictionaries.py /tmp/df stream-privacy/src/main/resources/pii

Only literal list entries are taken (templates such as "#{Name.first_name}ville" are skipped). Hand-curated lists
(world-cities-extra.txt, which holds real city names in English and native spellings) are merged by the loader at
run time, not here.
"""
import glob
import os
import sys

import yaml

FIRST_KEYS = ('first_name', 'male_first_name', 'female_first_name', 'man_first_name', 'woman_first_name',
              'female_english_name', 'male_english_name', 'ocker_first_name', 'chinese_female_first_name',
              'chinese_male_first_name', 'malay_female_first_name', 'malay_male_first_name', 'tamil_female_name',
              'tamil_male_name', 'male_middle_name', 'female_middle_name')
LAST_KEYS = ('last_name', 'male_last_name', 'female_last_name', 'man_last_name', 'woman_last_name',
             'chinese_male_last_name', 'last_name_base')
CITY_KEYS = ('city', 'city_name', 'cities', 'city_names', 'municipality', 'village')


def literals(value):
    out = []
    if isinstance(value, dict):
        for v in value.values():
            out.extend(literals(v))
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, str) and '#' not in v and v.strip():
                out.append(v.strip())
            elif isinstance(v, (list, dict)):
                out.extend(literals(v))
    return out


def main(src, dst):
    first, last, city = set(), set(), set()
    for path in sorted(glob.glob(os.path.join(src, '*.yml'))) + sorted(glob.glob(os.path.join(src, 'en', 'name.yml'))) \
            + sorted(glob.glob(os.path.join(src, 'en', 'address.yml'))):
        with open(path, encoding='utf-8') as f:
            doc = yaml.safe_load(f)
        if not isinstance(doc, dict):
            continue
        for locale in doc.values():
            faker = (locale or {}).get('faker') or {}
            name = faker.get('name') or {}
            address = faker.get('address') or {}
            for k in FIRST_KEYS:
                first.update(literals(name.get(k)))
            for k in LAST_KEYS:
                last.update(literals(name.get(k)))
            for k in CITY_KEYS:
                city.update(literals(address.get(k)))
    write(os.path.join(dst, 'first-names.txt'), first, 'first names')
    write(os.path.join(dst, 'last-names.txt'), last, 'last names')
    write(os.path.join(dst, 'cities.txt'), city, 'city names')


def write(path, values, what):
    values = sorted(v for v in values if 1 < len(v) <= 40)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# %d %s from datafaker 2.7.0 locale data (Apache-2.0); built by '
                'src/test/resources/pii/build-dictionaries.py\n' % (len(values), what))
        for v in values:
            f.write(v + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
