import { Module } from '@nestjs/common';
import { FirstBootService } from './first-boot.service';

@Module({ providers: [FirstBootService], exports: [FirstBootService] })
export class FirstBootModule {}
